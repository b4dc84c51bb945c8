package org.seamline.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seamline.rest.errors.ApiException;

class JsonBodyProviderTest {

    private final JsonBodyProvider provider = new JsonBodyProvider();

    @Test
    void aBodyOverItsLimitIsRefusedWith413BeforeParsing() {
        BodyLimit limit = new BodyLimit() {
            @Override
            public int value() {
                return 16;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return BodyLimit.class;
            }
        };
        ApiException refused = assertThrows(ApiException.class, () -> read("{\"text\":\"" + "x".repeat(100) + "\"}",
                new Annotation[] {limit}, new MultivaluedHashMap<>()));
        assertEquals(413, refused.status());
        MultivaluedHashMap<String, String> declared = new MultivaluedHashMap<>();
        declared.putSingle("Content-Length", "1000000");
        assertEquals(413, assertThrows(ApiException.class, () -> read("{}", new Annotation[] {limit}, declared)).status(),
                "a declared length over the limit is refused without reading");
    }

    @Test
    void malformedOrTrailingOrNonObjectBodiesAre400AndAnEmptyOneIsAnEmptyObject() throws Exception {
        for (String bad : new String[] {"{bad", "{} {}", "[1]", "\"text\""}) {
            assertEquals(400, assertThrows(ApiException.class, () -> read(bad, new Annotation[0], new MultivaluedHashMap<>())).status(), bad);
        }
        assertEquals(0, read("", new Annotation[0], new MultivaluedHashMap<>()).size());
    }

    @Test
    void answersAreWrittenWithThePlatformsSettings() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultivaluedHashMap<String, Object> headers = new MultivaluedHashMap<>();
        provider.writeTo(Map.of("at", Instant.parse("2026-12-02T10:00:00Z")), Map.class, Map.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, headers, out);
        assertEquals("{\"at\":\"2026-12-02T10:00:00Z\"}", out.toString(StandardCharsets.UTF_8));
        assertEquals("no-store", headers.getFirst("Cache-Control"));
        assertTrue(provider.isReadable(ObjectNode.class, ObjectNode.class, new Annotation[0], new MediaType("application", "merge-patch+json")));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private JsonNode read(String body, Annotation[] annotations, MultivaluedHashMap<String, String> headers) throws Exception {
        return provider.readFrom((Class) ObjectNode.class, ObjectNode.class, annotations, MediaType.APPLICATION_JSON_TYPE, headers,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
