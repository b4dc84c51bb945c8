package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Users with roles, API tokens and browser sessions, against the real distribution. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersIT {

    private static final String SECRET = "users-secret";
    private static final String AGENT = "Agnes";
    private static final String AGENT_PASSWORD = "agnes-password-1";
    private static final String VIEWER = "victor";
    private static final String VIEWER_PASSWORD = "victor-password-1";

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    ApiChannelClient shop;
    HttpServer receiver;

    @BeforeAll
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/callback", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        seamline = SeamlineProcess.start(dir, Map.of());
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=" + SECRET, "callbackUrl=http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback");
        shop.awaitServing();
        assertEquals(201, seamline.asAdmin("POST", "/api/v1/users", "{\"username\":\"" + AGENT + "\",\"password\":\""
                + AGENT_PASSWORD + "\",\"role\":\"agent\",\"teams\":[\"support\"]}").statusCode());
        HttpResponse<String> viewer = seamline.asAdmin("POST", "/api/v1/users", "{\"username\":\"" + VIEWER
                + "\",\"password\":\"" + VIEWER_PASSWORD + "\",\"role\":\"viewer\"}");
        assertEquals(201, viewer.statusCode(), viewer.body());
        assertFalse(viewer.body().contains(VIEWER_PASSWORD) || viewer.body().contains("argon2"), "never echoes the password or hash");
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        receiver.stop(0);
    }

    @Test
    void aViewerReadsEverythingAndIsRefusedEveryChange() {
        String conversation = conversationOf("vera");
        assertEquals(200, as(VIEWER, VIEWER_PASSWORD, "GET", "/api/v1/conversations/" + conversation, null).statusCode());
        Map<String, String> changes = Map.of(
                "/api/v1/conversations/" + conversation + "/messages", "{\"text\":\"hello\"}",
                "/api/v1/conversations/" + conversation + "/notes", "{\"text\":\"note\"}",
                "/api/v1/plugins", "{}",
                "/api/v1/users", "{\"username\":\"mallory\",\"password\":\"mallory-password\",\"role\":\"admin\"}",
                "/api/v1/tokens", "{\"name\":\"mine\",\"role\":\"viewer\"}",
                "/api/v1/dead-letters/messages/x/retry", "{}",
                "/api/v1/dead-letters/replies/x/discard", "{}");
        changes.forEach((path, body) -> {
            HttpResponse<String> refused = as(VIEWER, VIEWER_PASSWORD, "POST", path, body);
            assertEquals(403, refused.statusCode(), path);
            assertEquals("forbidden", seamline.readJson(refused.body()).get("error").asText());
        });
        for (String method : List.of("PATCH", "DELETE")) {
            assertEquals(403, as(VIEWER, VIEWER_PASSWORD, method, "/api/v1/conversations/" + conversation, "{\"status\":\"resolved\"}").statusCode());
            assertEquals(403, as(VIEWER, VIEWER_PASSWORD, method, "/api/v1/users/" + VIEWER, "{\"role\":\"admin\"}").statusCode());
        }
        assertEquals(1, seamline.getJson("/api/v1/customers/" + customerOf("vera") + "/timeline").get("total").asInt(),
                "nothing changed: only the inbound message is there");
        assertEquals("viewer", seamline.getJson("/api/v1/users/" + VIEWER).get("role").asText());
    }

    @Test
    void anAgentRepliesAndWritesNotesUnderItsOwnNameButCannotDeployPluginsOrManageUsers() {
        String conversation = conversationOf("walt");
        assertEquals(403, as(AGENT, AGENT_PASSWORD, "POST", "/api/v1/plugins", "{}").statusCode());
        assertEquals(403, as(AGENT, AGENT_PASSWORD, "GET", "/api/v1/users", null).statusCode());
        assertEquals(403, as("agnes", AGENT_PASSWORD, "GET", "/system/console/bundles", null).statusCode(), "admins only");

        assertEquals(202, as(AGENT, AGENT_PASSWORD, "POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"We are on it.\"}").statusCode());
        assertEquals(201, as("AGNES", AGENT_PASSWORD, "POST", "/api/v1/conversations/" + conversation + "/notes",
                "{\"text\":\"called the courier\"}").statusCode(), "the name in any case");

        JsonNode timeline = seamline.getJson("/api/v1/customers/" + customerOf("walt") + "/timeline").get("items");
        String note = null;
        for (JsonNode entry : timeline) {
            if ("note".equals(entry.get("kind").asText())) {
                note = entry.get("text").asText();
            }
        }
        assertEquals(AGENT + ": called the courier", note, "the note names the agent, not admin");
    }

    @Test
    void aTeamInboxHoldsWhatIsAssignedToTheTeamOrItsMembers() {
        String toAgent = conversationOf("tess");
        String toTeam = conversationOf("tom");
        String toOther = conversationOf("tim");
        for (String[] assignment : new String[][] {{toAgent, AGENT}, {toTeam, "support"}, {toOther, "someone-else"}}) {
            assertEquals(200, seamline.asAdmin("PATCH", "/api/v1/conversations/" + assignment[0],
                    "{\"assignee\":\"" + assignment[1] + "\"}").statusCode());
        }

        JsonNode me = seamline.readJson(as(AGENT, AGENT_PASSWORD, "GET", "/api/v1/session", null).body());
        assertEquals("support", me.at("/teams/0").asText(), "the session names the user's teams");
        HttpResponse<String> team = as(AGENT, AGENT_PASSWORD, "GET", "/api/v1/conversations?team=support&limit=500", null);
        assertEquals(200, team.statusCode(), team.body());
        List<String> ids = new ArrayList<>();
        seamline.readJson(team.body()).get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertTrue(ids.contains(toAgent) && ids.contains(toTeam), ids.toString());
        assertFalse(ids.contains(toOther));
        assertEquals(400, as(AGENT, AGENT_PASSWORD, "GET", "/api/v1/conversations?team=support&unassigned=true", null).statusCode());
    }

    @Test
    void aTokenWorksUntilItIsRevokedAndIsNeverListed() {
        HttpResponse<String> created = seamline.asAdmin("POST", "/api/v1/tokens", "{\"name\":\"crm-sync\",\"role\":\"agent\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode token = seamline.readJson(created.body());
        String secret = token.get("token").asText();
        assertTrue(secret.length() >= 43);

        assertEquals(200, bearer(secret, "GET", "/api/v1/conversations", null).statusCode());
        assertEquals(403, bearer(secret, "POST", "/api/v1/plugins", "{}").statusCode(), "held to its role");
        String list = seamline.asAdmin("GET", "/api/v1/tokens", null).body();
        assertTrue(list.contains("crm-sync") && !list.contains(secret), list);

        assertEquals(204, seamline.asAdmin("DELETE", "/api/v1/tokens/" + token.get("id").asText(), null).statusCode());
        assertEquals(401, bearer(secret, "GET", "/api/v1/conversations", null).statusCode(), "revoked at once");
    }

    @Test
    void aBrowserSignsInChangesOnlyWithItsCsrfTokenAndSignsOut() {
        HttpResponse<String> signIn = seamline.post("/api/v1/session",
                "{\"username\":\"" + AGENT + "\",\"password\":\"" + AGENT_PASSWORD + "\"}", Map.of());
        assertEquals(204, signIn.statusCode(), signIn.body());
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("seamline-session=") && setCookie.contains("HttpOnly")
                && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"), setCookie);
        String cookie = setCookie.split(";", 2)[0];

        JsonNode session = seamline.readJson(withCookie(cookie, "GET", "/api/v1/session", null, Map.of()).body());
        assertEquals(AGENT, session.get("username").asText());
        assertEquals("agent", session.get("role").asText());
        String csrf = session.get("csrfToken").asText();

        String conversation = conversationOf("xena");
        String notes = "/api/v1/conversations/" + conversation + "/notes";
        HttpResponse<String> noToken = withCookie(cookie, "POST", notes, "{\"text\":\"forged\"}", Map.of());
        assertEquals(403, noToken.statusCode());
        assertEquals("csrf_token_missing", seamline.readJson(noToken.body()).get("error").asText());
        assertEquals(403, withCookie(cookie, "POST", notes, "{\"text\":\"forged\"}", Map.of("X-CSRF-Token", csrf + "x")).statusCode());
        assertEquals(201, withCookie(cookie, "POST", notes, "{\"text\":\"genuine\"}", Map.of("X-CSRF-Token", csrf)).statusCode());

        assertEquals(204, withCookie(cookie, "DELETE", "/api/v1/session", null, Map.of("X-CSRF-Token", csrf)).statusCode());
        assertEquals(401, withCookie(cookie, "GET", "/api/v1/session", null, Map.of()).statusCode(), "signed out");
    }

    @Test
    void repeatedWrongPasswordsAreThrottledPerAccountAndPerAddress() throws Exception {
        InetAddress guesser = InetAddress.getByName("127.0.0.3");
        String wrong = "{\"username\":\"" + VIEWER + "\",\"password\":\"not-the-password\"}";
        for (int i = 0; i < 10; i++) {
            assertEquals(401, RawHttp.status(signInFrom(guesser, wrong)));
        }
        String right = "{\"username\":\"" + VIEWER + "\",\"password\":\"" + VIEWER_PASSWORD + "\"}";
        String refused = signInFrom(guesser, right);
        assertEquals(429, RawHttp.status(refused), "even the right password, from the guessing address");
        assertTrue(refused.contains("Retry-After: "), refused);
        assertEquals(204, seamline.post("/api/v1/session", right, Map.of()).statusCode(), "the viewer from another address");
        assertTrue(seamline.log().contains("Failed login for user '" + VIEWER + "' from 127.0.0.3 on POST /api/v1/session"));
    }

    @Test
    void theLastAdminCannotBeDeletedOrDemotedAndEveryChangeNamesItsActor() throws Exception {
        assertEquals(409, seamline.asAdmin("DELETE", "/api/v1/users/admin", null).statusCode());
        assertEquals(409, seamline.asAdmin("PATCH", "/api/v1/users/admin", "{\"role\":\"agent\"}").statusCode());
        assertEquals(400, seamline.asAdmin("POST", "/api/v1/users",
                "{\"username\":\"shorty\",\"password\":\"short\",\"role\":\"agent\"}").statusCode());
        assertEquals(409, seamline.asAdmin("POST", "/api/v1/users",
                "{\"username\":\"VICTOR\",\"password\":\"victor-password-2\",\"role\":\"agent\"}").statusCode(), "names in any case");
        assertEquals(200, seamline.asAdmin("PATCH", "/api/v1/users/" + AGENT, "{\"teams\":[\"support\",\"sales\"]}").statusCode());
        assertTrue(seamline.log().contains("user.changed " + AGENT + " by admin: teams [support, sales]"), "audited with the actor");
    }

    /** A sign-in sent from another loopback address than the test's other requests. */
    private String signInFrom(InetAddress from, String body) throws Exception {
        try (RawHttp http = new RawHttp(from, seamline.port)) {
            http.send("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1:" + seamline.port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
            return http.readAll();
        }
    }

    private String conversationOf(String userId) {
        shop.post("{\"id\":\"in-" + userId + "\",\"from\":{\"userId\":\"" + userId + "\"},\"text\":\"Where is my parcel?\"}", SECRET);
        String customerId = customerOf(userId);
        await().atMost(Duration.ofSeconds(5)).until(() -> seamline.getJson("/api/v1/conversations?customerId=" + customerId).get("items").size() == 1);
        return seamline.getJson("/api/v1/conversations?customerId=" + customerId).at("/items/0/id").asText();
    }

    private String customerOf(String userId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> seamline.getJson("/api/v1/customers?identifier=userId:" + userId).get("items").size() == 1);
        return seamline.getJson("/api/v1/customers?identifier=userId:" + userId).at("/items/0/id").asText();
    }

    private HttpResponse<String> as(String user, String password, String method, String path, String body) {
        return request(method, path, body, Map.of("Authorization", SeamlineProcess.basic(user, password)));
    }

    private HttpResponse<String> bearer(String token, String method, String path, String body) {
        return request(method, path, body, Map.of("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> withCookie(String cookie, String method, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Cookie", cookie);
        return request(method, path, body, all);
    }

    private HttpResponse<String> request(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(seamline.uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return seamline.send(request.build());
    }
}
