package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent workspace's live updates against the real distribution: {@code GET /api/v1/events} as a browser reads
 * it, and {@code POST /api/v1/presence}. The heartbeat (and with it the credential re-check) runs every 2 s here
 * instead of 10, so an ended session is seen sooner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEventsIT {

    private static final String SECRET = "live-events-secret";
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    ApiChannelClient shop;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        seamline = SeamlineProcess.unstarted(dir, Map.of());
        Files.writeString(seamline.home.resolve("etc/org.seamline.live.cfg"), "heartbeatSeconds=2\n");
        seamline.launch();
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=" + SECRET);
        shop.awaitServing();
        createUser("ann", "agent");
        createUser("sam", "supervisor");
        createUser("vic", "viewer");
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
    }

    @Test
    void anOpenStreamSeesANewMessageAnAssignmentAndAColleaguesPresence() {
        Session ann = signIn("ann");
        try (EventStreamClient stream = open(Map.of("Cookie", ann.cookie))) {
            assertEquals(200, stream.status);
            assertTrue(stream.contentType.startsWith("text/event-stream"), stream.contentType);

            String interaction = postMessage("live-1", "anna@example.com");
            EventStreamClient.Received received = awaitEvent(stream, "message.received", "messageId", interaction);
            JsonNode data = received.data();
            assertEquals("api", data.get("channel").asText());
            assertFalse(data.toString().contains("Hello") || data.toString().contains("anna"), "ids only: " + data);
            String conversation = data.get("conversationId").asText();
            awaitEvent(stream, "conversation.opened", "conversationId", conversation);

            HttpResponse<String> assigned = as("sam", "PATCH", "/api/v1/conversations/" + conversation, "{\"assignee\":\"ann\"}");
            assertEquals(200, assigned.statusCode(), assigned.body());
            assertEquals("sam", awaitEvent(stream, "conversation.changed", "conversationId", conversation).data().get("actor").asText());

            assertEquals(204, as("sam", "POST", "/api/v1/presence", presence(conversation, "viewing")).statusCode());
            JsonNode seen = awaitEvent(stream, "presence", "username", "sam").data();
            assertEquals(conversation, seen.get("conversationId").asText());
            assertEquals("viewing", seen.get("state").asText());

            // the browser's own presence: a change made with the cookie, so it needs the CSRF token like every other
            assertEquals(403, ann.send("POST", "/api/v1/presence", presence(conversation, "typing"), false).statusCode());
            assertEquals(204, ann.send("POST", "/api/v1/presence", presence(conversation, "typing"), true).statusCode());
            assertEquals("typing", awaitEvent(stream, "presence", "username", "ann").data().get("state").asText());
            assertEquals(404, as("sam", "POST", "/api/v1/presence", presence("no-such-conversation", "viewing")).statusCode());

            // a viewer reads along and may be seen doing so, but cannot reply, so is never typing
            assertEquals(204, as("vic", "POST", "/api/v1/presence", presence(conversation, "viewing")).statusCode());
            HttpResponse<String> typing = as("vic", "POST", "/api/v1/presence", presence(conversation, "typing"));
            assertEquals(403, typing.statusCode());
            assertEquals("forbidden", seamline.readJson(typing.body()).get("error").asText());
        }
    }

    @Test
    void aStreamResumedWithLastEventIdLosesNothing() {
        try (EventStreamClient watcher = open(Map.of("Authorization", basic("sam")))) {
            String lastId;
            try (EventStreamClient stream = open(Map.of("Authorization", basic("ann")))) {
                String interaction = postMessage("resume-1", "ben@example.com");
                lastId = awaitEvent(stream, "message.received", "messageId", interaction).id();
            }
            String missed1 = postMessage("resume-2", "ben@example.com");
            String missed2 = postMessage("resume-3", "carl@example.com");
            awaitEvent(watcher, "message.received", "messageId", missed2);

            try (EventStreamClient resumed = open(Map.of("Authorization", basic("ann"), "Last-Event-ID", lastId))) {
                awaitEvent(resumed, "message.received", "messageId", missed2);
                List<String> received = resumed.events("message.received").stream()
                        .map(e -> e.data().get("messageId").asText()).toList();
                assertEquals(List.of(missed1, missed2), received, "both missed messages, in order, nothing before them");
                assertTrue(resumed.events("reset").isEmpty());
            }
        }
        // the polyfill's query parameter works the same; an id the server no longer knows asks the client to reload
        try (EventStreamClient unknown = EventStreamClient.open(http, seamline.uri("/api/v1/events?lastEventId=12345"),
                Map.of("Authorization", basic("ann")))) {
            await().atMost(SOON).until(() -> !unknown.events("reset").isEmpty());
        }
    }

    @Test
    void aClientThatNeverReadsIsCutOffWithoutHarmingAnotherStream() throws Exception {
        String token = seamline.readJson(seamline.asAdmin("POST", "/api/v1/tokens", "{\"name\":\"flood\",\"role\":\"agent\"}").body())
                .get("token").asText();
        try (Socket stalled = new Socket();
             EventStreamClient reading = open(Map.of("Authorization", basic("sam")))) {
            String interaction = postMessage("stall-1", "stella@example.com");
            String conversation = awaitEvent(reading, "message.received", "messageId", interaction).data().get("conversationId").asText();
            // streams the other tests closed end at their next heartbeat: then only this test's reader is open
            await().atMost(SOON).until(() -> openStreams() == 1);
            int before = 1;
            stalled.setReceiveBufferSize(2048); // before connecting, so the window stays small
            stalled.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), seamline.port));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + seamline.port + "\r\nAuthorization: " + basic("ann")
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            await().atMost(SOON).until(() -> openStreams() == before + 1);

            // presence changes are the cheapest events to cause: typing and viewing in turn, from four senders,
            // until the server gives up on the stalled stream
            AtomicInteger sent = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> flood = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    flood.add(senders.submit(() -> {
                        while (openStreams() > before && sent.get() < 200_000) {
                            for (int i = 0; i < 250; i++) {
                                String state = sent.incrementAndGet() % 2 == 0 ? "viewing" : "typing";
                                seamline.send(HttpRequest.newBuilder(seamline.uri("/api/v1/presence"))
                                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(presence(conversation, state))).build());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : flood) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                senders.shutdownNow();
            }
            assertEquals(before, openStreams(), "the stalled stream was closed, after " + sent.get() + " presence changes");

            // the reading stream went on and got every event, in order, without a gap
            long newest = lastId(reading);
            assertEquals(204, as("sam", "POST", "/api/v1/presence", presence(conversation, "viewing")).statusCode());
            await().atMost(SOON).until(() -> lastId(reading) > newest);
            List<Long> ids = reading.events().stream().filter(e -> e.id() != null).map(e -> Long.parseLong(e.id())).toList();
            assertTrue(ids.size() > 1000, "events received: " + ids.size());
            for (int i = 1; i < ids.size(); i++) {
                assertEquals(ids.get(i - 1) + 1000, ids.get(i), "no event skipped at " + i);
            }
            assertFalse(reading.ended());

            // and the stalled client, once it reads, finds its stream ended
            stalled.setSoTimeout(30_000);
            InputStream in = stalled.getInputStream();
            byte[] buffer = new byte[65536];
            while (in.read(buffer) >= 0) {
                // drain what the server had sent before it gave up
            }
        }
    }

    @Test
    void signingOutEndsTheStream() {
        Session ann = signIn("ann");
        try (EventStreamClient stream = open(Map.of("Cookie", ann.cookie))) {
            await().atMost(SOON).until(() -> stream.comments() > 0);
            assertFalse(stream.ended());
            assertEquals(204, ann.send("DELETE", "/api/v1/session", null, true).statusCode());
            await().atMost(SOON).until(stream::ended);
        }
    }

    @Test
    void withoutCredentialsThereIsNoStream() {
        HttpResponse<String> refused = seamline.get("/api/v1/events", false);
        assertEquals(401, refused.statusCode());
        assertEquals("unauthorized", seamline.readJson(refused.body()).get("error").asText());
        assertEquals(401, seamline.post("/api/v1/presence", presence("c", "viewing"), Map.of()).statusCode());
    }

    private EventStreamClient open(Map<String, String> headers) {
        EventStreamClient stream = EventStreamClient.open(http, seamline.uri("/api/v1/events"), headers);
        assertEquals(200, stream.status);
        return stream;
    }

    private static EventStreamClient.Received awaitEvent(EventStreamClient stream, String type, String field, String value) {
        return await().atMost(SOON).until(() -> stream.events(type).stream()
                .filter(e -> e.data() != null && e.data().path(field).asText().equals(value)).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    private static long lastId(EventStreamClient stream) {
        List<EventStreamClient.Received> events = stream.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).id() != null) {
                return Long.parseLong(events.get(i).id());
            }
        }
        return -1;
    }

    private int openStreams() {
        String detail = seamline.getJson("/health").at("/components/live/detail").asText();
        return Integer.parseInt(detail.split(" ", 2)[0]);
    }

    private String postMessage(String id, String email) {
        HttpResponse<String> posted = shop.post(ApiChannelClient.message(id, "{\"email\":\"" + email + "\"}"), SECRET);
        assertEquals(201, posted.statusCode(), posted.body());
        return seamline.readJson(posted.body()).get("interactionId").asText();
    }

    private static String presence(String conversation, String state) {
        return "{\"conversationId\":\"" + conversation + "\",\"state\":\"" + state + "\"}";
    }

    private void createUser(String name, String role) {
        HttpResponse<String> created = seamline.asAdmin("POST", "/api/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + password(name) + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, created.statusCode(), created.body());
    }

    private static String password(String name) {
        return name + "-live-password-1";
    }

    private static String basic(String name) {
        return SeamlineProcess.basic(name, password(name));
    }

    private HttpResponse<String> as(String user, String method, String path, String body) {
        return seamline.send(HttpRequest.newBuilder(seamline.uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", basic(user)).build());
    }

    private Session signIn(String name) {
        HttpResponse<String> signIn = seamline.post("/api/v1/session",
                "{\"username\":\"" + name + "\",\"password\":\"" + password(name) + "\"}", Map.of());
        assertEquals(204, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Session session = new Session(cookie, null);
        String csrf = seamline.readJson(session.send("GET", "/api/v1/session", null, false).body()).get("csrfToken").asText();
        return new Session(cookie, csrf);
    }

    /** A browser's session: its cookie and the CSRF token its changes carry. */
    private final class Session {
        final String cookie;
        final String csrf;

        Session(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        HttpResponse<String> send(String method, String path, String body, boolean withCsrf) {
            Map<String, String> headers = new HashMap<>(Map.of("Cookie", cookie, "Content-Type", "application/json"));
            if (withCsrf) {
                headers.put("X-CSRF-Token", csrf);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(seamline.uri(path)).timeout(Duration.ofSeconds(10))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return seamline.send(request.build());
        }
    }
}
