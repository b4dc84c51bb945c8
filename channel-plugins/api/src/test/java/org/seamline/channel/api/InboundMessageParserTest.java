package org.seamline.channel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;

class InboundMessageParserTest {

    private static InboundMessage parse(String json) throws InvalidMessageException {
        return InboundMessageParser.parse(json.getBytes(StandardCharsets.UTF_8), "shop");
    }

    private static String problem(String json) {
        return assertThrows(InvalidMessageException.class, () -> parse(json)).getMessage();
    }

    @Test
    void readsEveryDocumentedField() throws Exception {
        InboundMessage m = parse("{\"id\":\"m-1\",\"from\":{\"email\":\" anna@example.com \",\"phone\":\"+7 916 123-45-67\","
                + "\"userId\":\"42\",\"name\":\"Anna\"},\"text\":\"Hi\",\"attachments\":[{\"url\":\"https://x/y.png\","
                + "\"contentType\":\"image/png\",\"name\":\"y.png\"}],\"sentAt\":\"2026-11-22T10:00:00+03:00\"}");

        assertEquals("api", m.channel());
        assertEquals("shop", m.instance());
        assertEquals("m-1", m.providerMessageId());
        assertEquals(List.of(new Identifier("email", "anna@example.com"), new Identifier("phone", "+7 916 123-45-67"),
                new Identifier("userId", "42")), m.from().identifiers());
        assertEquals("Anna", m.from().name());
        assertEquals("Hi", m.text());
        assertEquals("image/png", m.attachments().get(0).contentType());
        assertEquals(Instant.parse("2026-11-22T07:00:00Z"), m.sentAt());
    }

    @Test
    void onlyIdAndOneIdentifierAreRequired() throws Exception {
        InboundMessage m = parse("{\"id\":\"m-2\",\"from\":{\"userId\":\"u\"},\"unknownField\":1}");
        assertNull(m.text());
        assertTrue(m.attachments().isEmpty());
        assertNull(m.sentAt());
    }

    @Test
    void namesTheProblemOfABadMessage() {
        assertTrue(problem("not json").startsWith("body is not valid JSON"));
        assertEquals("body must be a JSON object", problem("[1,2]"));
        assertEquals("'id' is required", problem("{\"from\":{\"userId\":\"u\"}}"));
        assertEquals("'id' must be a string", problem("{\"id\":7,\"from\":{\"userId\":\"u\"}}"));
        assertEquals("'id' must not be empty", problem("{\"id\":\" \",\"from\":{\"userId\":\"u\"}}"));
        assertEquals("'from' is required and must be an object", problem("{\"id\":\"m\"}"));
        assertEquals("'from' needs at least one of email, phone, userId", problem("{\"id\":\"m\",\"from\":{\"email\":\"\"}}"));
        assertEquals("'attachments' must be an array", problem("{\"id\":\"m\",\"from\":{\"userId\":\"u\"},\"attachments\":{}}"));
        assertEquals("'url' is required", problem("{\"id\":\"m\",\"from\":{\"userId\":\"u\"},\"attachments\":[{}]}"));
        assertTrue(problem("{\"id\":\"m\",\"from\":{\"userId\":\"u\"},\"sentAt\":\"2026-11-22\"}").contains("ISO-8601"));
    }

    @Test
    void refusesDataAfterTheMessageAndMalformedUtf8() {
        assertTrue(problem("{\"id\":\"m\",\"from\":{\"userId\":\"u\"}} {\"id\":\"n\"}").startsWith("body is not valid JSON"));
        byte[] overlongSlash = "{\"id\":\"m..X\",\"from\":{\"userId\":\"u\"}}".getBytes(StandardCharsets.UTF_8);
        overlongSlash[10] = (byte) 0xC0;
        byte[] body = new byte[overlongSlash.length + 1];
        System.arraycopy(overlongSlash, 0, body, 0, 11);
        body[11] = (byte) 0xAF;
        System.arraycopy(overlongSlash, 11, body, 12, overlongSlash.length - 11);
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> InboundMessageParser.parse(body, "shop"));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void refusesHostilelyDeepJsonQuickly() {
        String deep = "{\"id\":\"m\",\"from\":{\"userId\":\"u\"},\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertTrue(problem(deep).startsWith("body is not valid JSON"));
    }
}
