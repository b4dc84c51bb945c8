package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** An admin configures a plugin instance through the API, reads the audit trail and the live figures. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationIT {

    private static final String API = "/api/v1/settings/org.seamline.channel.api";
    private static final String SECRET = "a-secret-only-the-shop-knows";
    private static final String VIEWER = "vicky";
    private static final String VIEWER_PASSWORD = "vicky-password-1";

    @TempDir
    static Path dir;
    SeamlineProcess seamline;

    @BeforeAll
    void start() throws Exception {
        seamline = SeamlineProcess.start(dir, Map.of());
        assertEquals(201, seamline.asAdmin("POST", "/api/v1/users", "{\"username\":\"" + VIEWER + "\",\"password\":\""
                + VIEWER_PASSWORD + "\",\"role\":\"viewer\"}").statusCode());
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
    }

    @Test
    void anInstanceCreatedThroughTheApiServesAndItsSecretNeverComesBack() throws Exception {
        HttpResponse<String> forms = seamline.asAdmin("GET", "/api/v1/settings", null);
        assertEquals(200, forms.statusCode(), forms.body());
        JsonNode apiForm = StreamSupport.stream(seamline.readJson(forms.body()).get("forms").spliterator(), false)
                .filter(f -> f.get("factoryPid").asText().equals("org.seamline.channel.api")).findFirst().orElseThrow();
        assertTrue(StreamSupport.stream(apiForm.get("fields").spliterator(), false)
                .anyMatch(f -> f.get("id").asText().equals("secret") && f.get("type").asText().equals("password")));

        HttpResponse<String> created = seamline.asAdmin("PUT", API + "/web", "{\"values\":{\"secret\":\"" + SECRET + "\"}}");
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains(SECRET), "the secret is never sent back");
        assertTrue(Files.exists(seamline.home.resolve("etc/org.seamline.channel.api-web.cfg")), "the instance is its file");
        seamline.awaitInstanceUp("web");
        ApiChannelClient web = new ApiChannelClient(seamline, "web");
        assertEquals(201, web.post(ApiChannelClient.message("web-1", "{\"email\":\"wendy@example.com\"}"), SECRET).statusCode(),
                "the new instance takes messages signed with the secret set through the API");

        String revision = seamline.readJson(created.body()).get("revision").asText();
        HttpResponse<String> invalid = seamline.asAdmin("PUT", API + "/web", "{\"revision\":\"" + revision
                + "\",\"values\":{\"maxBodyBytes\":\"lots\",\"colour\":\"red\"}}");
        assertEquals(422, invalid.statusCode(), invalid.body());
        JsonNode fields = seamline.readJson(invalid.body()).get("fields");
        assertTrue(fields.has("maxBodyBytes") && fields.has("colour"), invalid.body());

        HttpResponse<String> changed = seamline.asAdmin("PUT", API + "/web", "{\"revision\":\"" + revision
                + "\",\"values\":{\"secret\":\"\",\"maxBodyBytes\":4096}}");
        assertEquals(200, changed.statusCode(), changed.body());
        HttpResponse<String> stale = seamline.asAdmin("PUT", API + "/web", "{\"revision\":\"" + revision
                + "\",\"values\":{\"maxBodyBytes\":8192}}");
        assertEquals(409, stale.statusCode(), "a change based on what another admin has changed meanwhile: " + stale.body());
        assertTrue(Files.readString(seamline.home.resolve("etc/org.seamline.channel.api-web.cfg"), StandardCharsets.US_ASCII)
                .contains("secret=" + SECRET), "a secret sent empty keeps its value");

        assertEquals(403, as(VIEWER, VIEWER_PASSWORD, "GET", API, null).statusCode());
        assertEquals(403, as(VIEWER, VIEWER_PASSWORD, "PUT", API + "/evil", "{\"values\":{\"secret\":\"x\"}}").statusCode());
        assertFalse(Files.exists(seamline.home.resolve("etc/org.seamline.channel.api-evil.cfg")));

        String current = seamline.readJson(changed.body()).get("revision").asText();
        assertEquals(204, seamline.asAdmin("DELETE", API + "/web?revision=" + current, null).statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> web.post(ApiChannelClient.message("web-2",
                "{\"email\":\"wendy@example.com\"}"), SECRET).statusCode() == 404);

        List<String> actions = new ArrayList<>();
        seamline.readJson(seamline.asAdmin("GET", "/api/v1/audit?action=instance.", null).body()).get("entries")
                .forEach(e -> actions.add(e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("subject").asText()));
        assertEquals(List.of("admin instance.deleted org.seamline.channel.api~web", "admin instance.changed org.seamline.channel.api~web",
                "admin instance.created org.seamline.channel.api~web"), actions, "newest first, the failed attempts not at all");
        assertEquals(403, as(VIEWER, VIEWER_PASSWORD, "GET", "/api/v1/audit", null).statusCode());
    }

    @Test
    void theFiguresCountWhatCameInAndTheInboxFiltersByAssignee() throws Exception {
        ApiChannelClient shop = new ApiChannelClient(seamline, "figures");
        shop.configure("secret=" + SECRET);
        shop.awaitServing();
        for (String id : List.of("f-1", "f-2")) {
            assertEquals(201, shop.post(ApiChannelClient.message(id, "{\"userId\":\"" + id + "\"}"), SECRET).statusCode());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> unassigned() >= 2);
        String conversation = seamline.readJson(seamline.asAdmin("GET", "/api/v1/conversations?unassigned=true", null).body())
                .get("items").get(0).get("id").asText();
        assertEquals(200, seamline.asAdmin("PATCH", "/api/v1/conversations/" + conversation, "{\"assignee\":\"admin\"}").statusCode());

        JsonNode mine = seamline.readJson(seamline.asAdmin("GET", "/api/v1/conversations?assignee=admin", null).body());
        assertEquals(1, mine.get("total").asInt());
        assertEquals(conversation, mine.get("items").get(0).get("id").asText());
        assertEquals(400, seamline.asAdmin("GET", "/api/v1/conversations?assignee=admin&unassigned=true", null).statusCode());

        HttpResponse<String> figures = as(VIEWER, VIEWER_PASSWORD, "GET", "/api/v1/figures?zone=Europe/Moscow", null);
        assertEquals(200, figures.statusCode(), figures.body());
        JsonNode now = seamline.readJson(figures.body());
        long in = StreamSupport.stream(now.get("perMinute").spliterator(), false)
                .filter(m -> m.get("channel").asText().equals("api") && m.get("direction").asText().equals("in"))
                .mapToLong(m -> m.get("count").asLong()).sum();
        assertTrue(in >= 2, figures.body());
        assertTrue(now.get("openConversations").asLong() >= 2);
        assertEquals(400, seamline.asAdmin("GET", "/api/v1/figures?zone=Mars/Olympus", null).statusCode());
    }

    private long unassigned() {
        return seamline.readJson(seamline.asAdmin("GET", "/api/v1/conversations?unassigned=true", null).body()).get("total").asLong();
    }

    private HttpResponse<String> as(String user, String password, String method, String path, String body) {
        return seamline.send(HttpRequest.newBuilder(seamline.uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", SeamlineProcess.basic(user, password)).build());
    }
}
