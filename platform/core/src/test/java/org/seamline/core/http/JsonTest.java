package org.seamline.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void aDocumentFollowedByMoreDataIsRefused() {
        assertThrows(JacksonException.class, () -> Json.read("{\"id\":\"a\"} {\"id\":\"b\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(JacksonException.class, () -> Json.read("{\"id\":\"a\"} trailing".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void overlongUtf8IsRefusedNotDecodedAsASlash() {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', '.', '.', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertThrows(JacksonException.class, () -> Json.read(overlong));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] lone = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};
        byte[] surrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertThrows(JacksonException.class, () -> Json.read(lone));
        assertThrows(JacksonException.class, () -> Json.read(surrogate));
    }

    @Test
    void wellFormedUtf8ReadsAsWritten() throws Exception {
        assertEquals("straße 👋", Json.read("{\"a\":\"straße 👋\"}".getBytes(StandardCharsets.UTF_8)).get("a").asText());
        assertEquals(true, Json.read(new byte[0]).isMissingNode());
    }
}
