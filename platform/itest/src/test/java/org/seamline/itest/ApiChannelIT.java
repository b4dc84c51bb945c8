package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The API channel's webhook contract, through the running platform. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiChannelIT {

    private static final String SECRET = "shop-secret-1";
    private static final String ANNA = "{\"email\":\"anna@example.com\",\"name\":\"Anna\"}";

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    ApiChannelClient shop;

    @BeforeAll
    void start() throws Exception {
        seamline = SeamlineProcess.start(dir, environment());
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=$[env:SHOP_SECRET]", "maxBodyBytes=2048");
        shop.awaitServing();
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
    }

    /** The platform's environment: the embedded store; {@link ApiChannelPostgresIT} adds a PostgreSQL database. */
    Map<String, String> environment() throws Exception {
        return Map.of("SHOP_SECRET", SECRET);
    }

    private long stored(String providerId) {
        JsonNode items = seamline.getJson("/api/v1/interactions?channel=api&limit=500").get("items");
        long count = 0;
        for (JsonNode item : items) {
            if (item.get("providerMessageId").asText().equals(providerId)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aSignedMessageIsStoredAndReadBack() {
        var response = shop.post("{\"id\":\"m-1\",\"from\":" + ANNA + ",\"text\":\"Where is my order?\","
                + "\"attachments\":[{\"url\":\"https://files.example.com/r.pdf\",\"contentType\":\"application/pdf\",\"name\":\"r.pdf\"}],"
                + "\"sentAt\":\"2026-11-22T10:00:00+03:00\"}", SECRET);

        assertEquals(201, response.statusCode(), response.body());
        JsonNode answer = seamline.readJson(response.body());
        assertFalse(answer.get("duplicate").asBoolean());
        JsonNode stored = seamline.getJson("/api/v1/interactions/" + answer.get("interactionId").asText());
        assertEquals("api", stored.get("channel").asText());
        assertEquals("shop", stored.get("instance").asText());
        assertEquals("m-1", stored.get("providerMessageId").asText());
        assertEquals("Where is my order?", stored.get("text").asText());
        assertEquals("anna@example.com", stored.at("/from/identifiers/0/value").asText());
        assertEquals("Anna", stored.at("/from/name").asText());
        assertEquals("2026-11-22T07:00:00Z", stored.get("sentAt").asText());
        assertEquals("r.pdf", stored.at("/attachments/0/name").asText());
        assertTrue(stored.hasNonNull("receivedAt"));
    }

    @Test
    void theSameIdAgainStoresNothingNew() {
        String body = ApiChannelClient.message("m-dup", ANNA);
        var first = seamline.readJson(shop.post(body, SECRET).body());
        var again = shop.post(body, SECRET);

        assertEquals(200, again.statusCode());
        assertTrue(seamline.readJson(again.body()).get("duplicate").asBoolean());
        assertEquals(first.get("interactionId"), seamline.readJson(again.body()).get("interactionId"));
        assertEquals(1, stored("m-dup"));
    }

    @Test
    void aWronglySignedMessageIsRefusedAndStoredNowhere() {
        String body = ApiChannelClient.message("m-forged", ANNA);
        assertEquals(403, shop.post(body, "not-the-secret").statusCode());
        assertEquals(401, seamline.post(shop.path(), body, Map.of()).statusCode());
        assertEquals(403, seamline.post(shop.path(), body, Map.of("X-Seamline-Signature", "sha256=zz")).statusCode());
        assertEquals(0, stored("m-forged"));
    }

    @Test
    void malformedOrIncompleteMessagesGetAClearError() {
        var notJson = shop.post("{\"id\": ", SECRET);
        var noSender = shop.post("{\"id\":\"m-x\"}", SECRET);
        var noIdentifier = shop.post("{\"id\":\"m-y\",\"from\":{\"name\":\"Anna\"}}", SECRET);
        var badTime = shop.post("{\"id\":\"m-z\",\"from\":" + ANNA + ",\"sentAt\":\"yesterday\"}", SECRET);

        assertEquals(400, notJson.statusCode());
        assertEquals("invalid_message", seamline.readJson(notJson.body()).get("error").asText());
        assertEquals(400, noSender.statusCode());
        assertTrue(seamline.readJson(noSender.body()).get("message").asText().contains("'from'"));
        assertEquals(400, noIdentifier.statusCode());
        assertTrue(seamline.readJson(noIdentifier.body()).get("message").asText().contains("email, phone, userId"));
        assertEquals(400, badTime.statusCode());
        assertTrue(seamline.readJson(badTime.body()).get("message").asText().contains("sentAt"));
        assertEquals(0, stored("m-x") + stored("m-y") + stored("m-z"));
    }

    @Test
    void aMessageThatCouldNeverBeProcessedIsRefusedAtTheDoor() {
        var unusable = shop.post("{\"id\":\"r-1\",\"from\":{\"email\":\"not-an-email\",\"phone\":\"12345\"}}", SECRET);
        var longEmail = shop.post("{\"id\":\"r-2\",\"from\":{\"email\":\"" + "a".repeat(320) + "@example.com\"}}", SECRET);
        var longName = shop.post("{\"id\":\"r-3\",\"from\":{\"userId\":\"u-3\",\"name\":\"" + "n".repeat(513) + "\"}}", SECRET);
        var trailing = shop.post(ApiChannelClient.message("r-4", ANNA) + "{\"id\":\"r-5\"}", SECRET);

        for (var refused : java.util.List.of(unusable, longEmail, longName, trailing)) {
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("invalid_message", seamline.readJson(refused.body()).get("error").asText());
        }
        String why = seamline.readJson(unusable.body()).get("message").asText();
        assertTrue(why.contains("no usable identifier") && why.contains("email, phone"), why);
        assertFalse(why.contains("not-an-email"), "the refusal does not repeat personal data");
        assertTrue(seamline.readJson(longEmail.body()).get("message").asText().contains("email is longer than 320"));
        assertTrue(seamline.readJson(longName.body()).get("message").asText().contains("name is longer than 512"));
        assertEquals(0, stored("r-1") + stored("r-2") + stored("r-3") + stored("r-4"));
    }

    @Test
    void aReplyToAnInstanceWithoutCallbackIsRefusedUpFront() {
        assertEquals(201, shop.post(ApiChannelClient.message("cb-1", "{\"userId\":\"no-callback\"}"), SECRET).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> seamline.getJson("/api/v1/customers?identifier=userId:no-callback")
                .get("items").size() == 1);
        String customer = seamline.getJson("/api/v1/customers?identifier=userId:no-callback").at("/items/0/id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> seamline.getJson("/api/v1/conversations?customerId=" + customer)
                .get("items").size() == 1);
        String conversation = seamline.getJson("/api/v1/conversations?customerId=" + customer).at("/items/0/id").asText();

        var reply = seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages", "{\"text\":\"hi\"}");
        assertEquals(422, reply.statusCode(), reply.body());
        assertTrue(seamline.readJson(reply.body()).get("message").asText().contains("only receives"));
        assertEquals(0, seamline.getJson("/api/v1/dead-letters").get("replies").size(), "nothing waits to fail later");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String big = "{\"id\":\"m-big\",\"from\":" + ANNA + ",\"text\":\"" + "x".repeat(4000) + "\"}";
        var response = shop.post(big, SECRET);
        assertEquals(413, response.statusCode());
        assertEquals("payload_too_large", seamline.readJson(response.body()).get("error").asText());
        assertEquals("close", response.headers().firstValue("Connection").orElse(null), "the rest of the body is never read");
        assertEquals(0, stored("m-big"));
    }

    @Test
    void onlyPostToMessagesIsServed() {
        assertEquals(405, seamline.send(HttpRequest.newBuilder(seamline.uri(shop.path())).GET().build()).statusCode());
        assertEquals(404, seamline.post("/hooks/api/shop/other", "{}", Map.of()).statusCode());
        assertEquals(404, seamline.post("/hooks/api/nobody/messages", "{}", Map.of()).statusCode());
    }

    @Test
    void interactionsFilterByChannelAndPage() {
        for (int i = 0; i < 3; i++) {
            shop.post(ApiChannelClient.message("page-" + i, ANNA), SECRET);
        }
        JsonNode page = seamline.getJson("/api/v1/interactions?channel=api&limit=2&offset=0");
        assertEquals(2, page.get("items").size());
        assertTrue(page.get("total").asLong() >= 3);
        assertEquals(0, seamline.getJson("/api/v1/interactions?channel=sms").get("total").asLong());
        assertEquals(400, seamline.get("/api/v1/interactions?limit=0", true).statusCode());
        assertEquals(404, seamline.get("/api/v1/interactions/no-such-id", true).statusCode());
    }

    @Test
    void theInstanceShowsUpHealthyInThePluginList() {
        JsonNode api = seamline.getJson("/api/v1/plugins").get("items").get(0);
        assertEquals("UP", api.get("health").asText());
        assertEquals("shop", api.at("/instances/0/name").asText());
    }

    @Test
    void aSecondConfigurationNamingTheSameInstanceIsRefused() throws Exception {
        ApiChannelClient impostor = new ApiChannelClient(seamline, "impostor");
        impostor.configure("instance=shop", "secret=impostor-secret");
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> seamline.log().contains("instance name 'shop' is already used by configuration"));
            JsonNode instances = seamline.getJson("/api/v1/plugins").get("items").get(0).get("instances");
            long shops = 0;
            for (JsonNode instance : instances) {
                shops += instance.get("name").asText().equals("shop") ? 1 : 0;
            }
            assertEquals(1, shops, "one instance named shop, not two both UP");
            assertEquals(403, shop.post(ApiChannelClient.message("dup-1", ANNA), "impostor-secret").statusCode());
            assertEquals(201, shop.post(ApiChannelClient.message("dup-2", ANNA), SECRET).statusCode(), "the first one serves on");
        } finally {
            Files.delete(seamline.home.resolve("etc/org.seamline.channel.api-impostor.cfg"));
        }
    }

    @Test
    void theSecretNeverAppearsInTheLogOrConsole() throws Exception {
        assertFalse(seamline.log().contains(SECRET));
        assertFalse(Files.readString(seamline.home.resolve("logs/process.out")).contains(SECRET));
        assertFalse(seamline.get("/system/console/services.json", true).body().contains(SECRET));
    }
}
