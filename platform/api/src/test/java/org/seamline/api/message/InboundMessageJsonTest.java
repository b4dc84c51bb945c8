package org.seamline.api.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundMessageJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void roundTripsThroughJsonUnchanged() throws Exception {
        InboundMessage message = new InboundMessage("api", "shop", "m-1",
                Party.of("Anna", new Identifier(Identifier.EMAIL, "anna@example.com")), "Hello",
                List.of(new Attachment("https://files.example.com/a.pdf", "application/pdf", "a.pdf", 10L)),
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:00:01Z"), Map.of("k", "v"));

        InboundMessage back = json.readValue(json.writeValueAsString(message), InboundMessage.class);

        assertEquals(message, back);
    }

    @Test
    void refusesAMessageWithoutAProviderId() {
        Party anna = Party.of(null, new Identifier(Identifier.PHONE, "+79161234567"));
        assertThrows(IllegalArgumentException.class,
                () -> new InboundMessage("api", "shop", " ", anna, "x", null, null, null, null));
    }

    @Test
    void listsAndMapsAreImmutableCopies() {
        Party anna = Party.of(null, new Identifier(Identifier.PHONE, "+79161234567"));
        InboundMessage message = new InboundMessage("api", "shop", "m-2", anna, "x", null, null, null, null);
        assertThrows(UnsupportedOperationException.class, () -> message.attachments().add(null));
        assertEquals("+79161234567", message.from().identifier(Identifier.PHONE).orElseThrow());
    }
}
