package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One customer across differently written identifiers, through the running platform. */
class CustomerContextIT {

    private static final String SECRET = "context-secret";

    @TempDir
    static Path dir;
    static SeamlineProcess seamline;
    static ApiChannelClient shop;

    @BeforeAll
    static void start() throws Exception {
        seamline = SeamlineProcess.start(dir, Map.of());
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=" + SECRET);
        await().atMost(Duration.ofSeconds(5)).until(() -> shop.post(ApiChannelClient.message("probe", "{\"userId\":\"probe\"}"), SECRET).statusCode() < 300);
    }

    @AfterAll
    static void stop() throws Exception {
        seamline.close();
    }

    private static JsonNode lookup(String identifier) {
        return seamline.getJson("/api/v1/customers?identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8)).get("items");
    }

    @Test
    void messagesWithIdentifiersWrittenDifferentlyBecomeOneCustomer() {
        shop.post("{\"id\":\"c-1\",\"from\":{\"email\":\"Anna@Example.com\",\"name\":\"Anna\"},\"text\":\"Hi\"}", SECRET);
        shop.post("{\"id\":\"c-2\",\"from\":{\"email\":\"anna@example.com \",\"phone\":\"+7 916 123-45-67\"}}", SECRET);
        shop.post("{\"id\":\"c-3\",\"from\":{\"phone\":\"+79161234567\"}}", SECRET);

        await().atMost(Duration.ofSeconds(5)).until(() -> lookup("phone:+79161234567").size() == 1);
        JsonNode anna = lookup("email:ANNA@example.com").get(0);
        Set<String> identifiers = new HashSet<>();
        anna.get("identifiers").forEach(i -> identifiers.add(i.get("type").asText() + ":" + i.get("value").asText()));

        assertEquals(Set.of("email:anna@example.com", "phone:+79161234567"), identifiers);
        assertEquals("Anna", anna.get("displayName").asText());
        assertEquals(anna.get("id"), lookup("phone:+7 (916) 123 45 67").get(0).get("id"));
        assertEquals("api/shop", anna.at("/identifiers/0/source").asText());
        assertEquals(anna.get("id"), seamline.getJson("/api/v1/customers/" + anna.get("id").asText()).get("id"));
    }

    @Test
    void lookupsAnswerEmptyForUnknownAndExplainMalformedIdentifiers() {
        assertEquals(0, lookup("email:nobody@example.com").size());
        var malformed = seamline.get("/api/v1/customers?identifier=anna", true);
        assertEquals(400, malformed.statusCode());
        assertEquals(404, seamline.get("/api/v1/customers/no-such-id", true).statusCode());
        assertEquals(401, seamline.get("/api/v1/customers", false).statusCode());
    }

    @Test
    void theInboxProcessorReportsItsProgressInHealth() {
        await().atMost(Duration.ofSeconds(5)).until(() ->
                seamline.readJson(seamline.get("/health", false).body()).at("/components/inbox-processor/status").asText().equals("UP"));
    }
}
