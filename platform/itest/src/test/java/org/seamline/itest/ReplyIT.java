package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** An agent's reply travels outbox -> dispatcher -> API channel -> the integrator's callback, signed, once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyIT {

    private static final String SECRET = "reply-secret";

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    ApiChannelClient shop;
    HttpServer receiver;
    final List<Map<String, String>> callbacks = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/callback", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            callbacks.add(Map.of("body", body, "signature", exchange.getRequestHeaders().getFirst("X-Seamline-Signature"),
                    "key", exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            byte[] answer = "{\"id\":\"ext-42\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.start();
        seamline = SeamlineProcess.start(dir, environment());
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=" + SECRET, "callbackUrl=http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback");
        shop.awaitServing();
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        receiver.stop(0);
    }

    /** The platform's environment: the embedded store; {@link ReplyPostgresIT} adds a PostgreSQL database. */
    Map<String, String> environment() throws Exception {
        return Map.of();
    }

    private HttpResponse<String> reply(String conversationId, String json, String key) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Authorization", SeamlineProcess.basic("admin", SeamlineProcess.ADMIN_PASSWORD)));
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return seamline.post("/api/v1/conversations/" + conversationId + "/messages", json, headers);
    }

    private String conversationOf(String userId) {
        shop.post("{\"id\":\"in-" + userId + "\",\"from\":{\"userId\":\"" + userId + "\"},\"text\":\"Where is my parcel?\"}", SECRET);
        await().atMost(Duration.ofSeconds(5)).until(() -> seamline.getJson("/api/v1/customers?identifier=userId:" + userId).get("items").size() == 1);
        String customerId = seamline.getJson("/api/v1/customers?identifier=userId:" + userId).at("/items/0/id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> seamline.getJson("/api/v1/conversations?customerId=" + customerId).get("items").size() == 1);
        return seamline.getJson("/api/v1/conversations?customerId=" + customerId).at("/items/0/id").asText();
    }

    @Test
    void aReplyReachesTheCallbackOnceSignedAndItsStatusIsOnTheTimeline() {
        String conversation = conversationOf("dana");

        HttpResponse<String> queued = reply(conversation, "{\"text\":\"It ships today.\"}", "reply-dana-1");
        assertEquals(202, queued.statusCode(), queued.body());
        assertEquals("api", seamline.readJson(queued.body()).get("channel").asText());

        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(conversation).contains("status:SENT"));
        List<Map<String, String>> mine = callbacks.stream().filter(c -> "reply-dana-1".equals(c.get("key"))).toList();
        assertEquals(1, mine.size(), "delivered once");
        assertEquals(ApiChannelClient.sign(mine.get(0).get("body"), SECRET), mine.get(0).get("signature"));
        JsonNode sent = seamline.readJson(mine.get(0).get("body"));
        assertEquals("It ships today.", sent.get("text").asText());
        assertEquals("dana", sent.at("/to/identifiers/0/value").asText());
        assertEquals(List.of("message", "message", "status:SENT"), kinds(conversation));

        HttpResponse<String> again = reply(conversation, "{\"text\":\"It ships today.\"}", "reply-dana-1");
        assertEquals(200, again.statusCode());
        assertTrue(seamline.readJson(again.body()).get("duplicate").asBoolean());
        assertEquals(3, kinds(conversation).size(), "the same Idempotency-Key queues nothing new");
    }

    @Test
    void anIdempotencyKeyBelongsToOneConversationAndOneRequest() {
        String gus = conversationOf("gus");
        String hana = conversationOf("hana");

        assertEquals(202, reply(gus, "{\"text\":\"Your refund is on its way.\"}", "refund-1").statusCode());
        HttpResponse<String> other = reply(hana, "{\"text\":\"Your refund is on its way.\"}", "refund-1");
        assertEquals(202, other.statusCode(), "the same key on another conversation is another reply: " + other.body());
        assertEquals(hana, seamline.readJson(other.body()).get("conversationId").asText());
        HttpResponse<String> changed = reply(gus, "{\"text\":\"Your refund was refused.\"}", "refund-1");
        assertEquals(422, changed.statusCode(), changed.body());
        assertEquals("idempotency_key_reused", seamline.readJson(changed.body()).get("error").asText());

        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(gus).contains("status:SENT") && kinds(hana).contains("status:SENT"));
        List<String> receivers = callbacks.stream().filter(c -> "refund-1".equals(c.get("key")))
                .map(c -> seamline.readJson(c.get("body")).get("conversationId").asText()).sorted().toList();
        assertEquals(List.of(gus, hana).stream().sorted().toList(), receivers, "one reply to each, the refused one to nobody");
    }

    @Test
    void anIdempotencyKeyThatCannotTravelInAHeaderIsRefused() throws IOException {
        String ivan = conversationOf("ivan");

        String utf8 = rawReply(ivan, "{\"text\":\"hi\"}", "\u043a\u043b\u044e\u0447-1");
        HttpResponse<String> huge = reply(ivan, "{\"text\":\"hi\"}", "k".repeat(7000));
        assertTrue(utf8.startsWith("HTTP/1.1 400"), utf8);
        assertTrue(utf8.contains("printable ASCII"), utf8);
        assertEquals(400, huge.statusCode(), "not 503: retrying could never help");
        assertEquals(List.of("message"), kinds(ivan), "nothing was queued");
    }

    /**
     * A reply whose Idempotency-Key goes out as UTF-8 bytes, as some clients send it; Java's HttpClient would turn
     * every non-ASCII character into '?' first. Answers the raw response.
     */
    private String rawReply(String conversationId, String json, String key) throws IOException {
        URI uri = seamline.uri("/api/v1/conversations/" + conversationId + "/messages");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n"
                    + "Authorization: " + SeamlineProcess.basic("admin", SeamlineProcess.ADMIN_PASSWORD) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nIdempotency-Key: " + key + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aReplyNobodyCanDeliverIsRefusedClearly() {
        String conversation = conversationOf("emil");

        assertEquals(422, reply(conversation, "{\"text\":\"hi\",\"channel\":\"sms\"}", null).statusCode());
        assertEquals(400, reply(conversation, "{\"channel\":\"api\"}", null).statusCode());
        assertEquals(404, reply("no-such-conversation", "{\"text\":\"hi\"}", null).statusCode());
        JsonNode deadLetters = seamline.getJson("/api/v1/dead-letters");
        assertTrue(deadLetters.get("replies").isArray() && deadLetters.get("messages").isArray());
        assertEquals(404, seamline.asAdmin("POST", "/api/v1/dead-letters/replies/nope/retry", null).statusCode());
    }

    @Test
    void anOptOutRefusesRepliesAndMarketingNeedsAnOptIn() {
        String conversation = conversationOf("fay");
        String customer = seamline.getJson("/api/v1/conversations/" + conversation).get("customerId").asText();

        HttpResponse<String> marketing = reply(conversation, "{\"text\":\"20% off!\",\"purpose\":\"marketing\"}", null);
        assertEquals(403, marketing.statusCode());
        assertTrue(marketing.body().contains("opted in"), marketing.body());

        HttpResponse<String> optOut = seamline.asAdmin("POST", "/api/v1/customers/" + customer + "/consents",
                "{\"channel\":\"api\",\"purpose\":\"service\",\"granted\":false,\"evidence\":\"asked by phone\"}");
        assertEquals(200, optOut.statusCode(), optOut.body());
        assertEquals(false, seamline.readJson(optOut.body()).at("/consents/0/granted").asBoolean(true));
        HttpResponse<String> refused = reply(conversation, "{\"text\":\"Any news?\"}", null);
        assertEquals(403, refused.statusCode());
        assertEquals("no_consent", seamline.readJson(refused.body()).get("error").asText());
        assertEquals(List.of("message"), kinds(conversation), "nothing was queued");
        assertEquals(400, seamline.asAdmin("POST", "/api/v1/customers/" + customer + "/consents",
                "{\"channel\":\"api\",\"purpose\":\"spam\",\"granted\":true}").statusCode());
    }

    @Test
    void anAgentResolvesAssignsAndKeepsContextAndTheCustomerReopens() {
        String conversation = conversationOf("gil");

        HttpResponse<String> patched = seamline.asAdmin("PATCH", "/api/v1/conversations/" + conversation,
                "{\"status\":\"resolved\",\"assignee\":\"agent-7\",\"variables\":{\"lastTopic\":\"parcel 4711\"}}");
        assertEquals(200, patched.statusCode(), patched.body());
        JsonNode resolved = seamline.readJson(patched.body());
        assertEquals("RESOLVED", resolved.get("status").asText());
        assertEquals("agent-7", resolved.get("assignee").asText());
        assertEquals("parcel 4711", resolved.at("/variables/lastTopic").asText());
        assertEquals(201, seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/notes",
                "{\"text\":\"Customer prefers calls after 18:00\"}").statusCode());
        assertTrue(kinds(conversation).containsAll(List.of("conversation:resolved", "conversation:assigned", "note")));
        assertEquals(400, seamline.asAdmin("PATCH", "/api/v1/conversations/" + conversation, "{\"status\":\"closed\"}").statusCode());
        assertEquals(404, seamline.asAdmin("PATCH", "/api/v1/conversations/nope", "{\"status\":\"open\"}").statusCode());

        shop.post("{\"id\":\"in-gil-2\",\"from\":{\"userId\":\"gil\"},\"text\":\"Still not here\"}", SECRET);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                seamline.getJson("/api/v1/conversations/" + conversation).get("status").asText().equals("OPEN"));
        assertEquals("parcel 4711", seamline.getJson("/api/v1/conversations/" + conversation).at("/variables/lastTopic").asText(),
                "the reopened conversation still knows where the customer left off");

        String customer = resolved.get("customerId").asText();
        HttpResponse<String> profile = seamline.asAdmin("PATCH", "/api/v1/customers/" + customer,
                "{\"attributes\":{\"company\":\"Gilbert & Sons\"},\"addTags\":[\"vip\"],\"preferredLanguage\":\"de\"}");
        assertEquals(200, profile.statusCode(), profile.body());
        assertEquals(customer, seamline.getJson("/api/v1/customers?q=gilbert").at("/items/0/id").asText());
        assertEquals(400, seamline.asAdmin("PATCH", "/api/v1/customers/" + customer, "{\"preferredLanguage\":\"??\"}").statusCode());
    }

    private List<String> kinds(String conversationId) {
        List<String> kinds = new java.util.ArrayList<>();
        seamline.getJson("/api/v1/conversations/" + conversationId + "/messages").get("items").forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }
}
