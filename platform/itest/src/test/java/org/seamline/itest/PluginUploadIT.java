package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/plugins} deploys a channel without a restart: the API channel's jar is taken out of deploy/, and
 * uploading it brings its webhook back; stop, start and remove act on the running plugin; only an admin may do any of it.
 */
class PluginUploadIT {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final String PLUGIN = "org.seamline.channel.api";
    private static final String FROM = "{\"userId\":\"u-1\"}";

    @TempDir
    static Path dir;
    static SeamlineProcess seamline;
    static ApiChannelClient shop;
    static byte[] jar;

    @BeforeAll
    static void start() throws Exception {
        seamline = SeamlineProcess.start(dir, Map.of());
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=first");
        shop.awaitServing();
        Path shipped = apiChannelJar(seamline.home.resolve("deploy"));
        jar = Files.readAllBytes(shipped);
        Files.delete(shipped);
        await().atMost(WITHIN).until(() -> webhook("gone") == 404);
        for (String role : new String[] {"viewer", "agent"}) {
            assertEquals(201, seamline.asAdmin("POST", "/api/v1/users", "{\"username\":\"" + role + "1\",\"password\":\""
                    + role + "-password-123\",\"role\":\"" + role + "\"}").statusCode());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        seamline.close();
    }

    @Test
    void anUploadedChannelPluginServesWithoutARestartAndCanBeStoppedStartedAndRemoved() throws Exception {
        HttpResponse<String> uploaded = upload("admin", SeamlineProcess.ADMIN_PASSWORD, "file", jar);
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        JsonNode plugin = seamline.readJson(uploaded.body());
        assertEquals(PLUGIN, plugin.get("id").asText());
        assertEquals("ACTIVE", plugin.get("state").asText());
        await().atMost(WITHIN).until(() -> webhook("after-upload") == 201);
        try (Stream<Path> files = Files.list(seamline.home.resolve("deploy"))) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .filter(f -> f.getFileName().toString().contains("channel.api") || f.getFileName().toString().contains("channel-api"))
                    .count(), "kept in deploy/ once, so it survives a restart and is not installed twice");
        }

        assertEquals("RESOLVED", seamline.readJson(admin("POST", "/api/v1/plugins/" + PLUGIN + "/stop").body()).get("state").asText());
        await().atMost(WITHIN).until(() -> webhook("stopped") == 404);
        assertEquals("ACTIVE", seamline.readJson(admin("POST", "/api/v1/plugins/" + PLUGIN + "/start").body()).get("state").asText());
        await().atMost(WITHIN).until(() -> webhook("started") == 201);

        assertEquals(204, admin("DELETE", "/api/v1/plugins/" + PLUGIN).statusCode());
        await().atMost(WITHIN).until(() -> webhook("removed") == 404);
        assertFalse(seamline.get("/api/v1/plugins", true).body().contains(PLUGIN));
        assertEquals(404, admin("DELETE", "/api/v1/plugins/" + PLUGIN).statusCode());
    }

    @Test
    void aFileThatIsNoPluginBundleIsRefusedWithAJsonError() {
        HttpResponse<String> text = upload("admin", SeamlineProcess.ADMIN_PASSWORD, "file", "not a jar".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, text.statusCode(), text.body());
        assertEquals("invalid_plugin", seamline.readJson(text.body()).get("error").asText());

        HttpResponse<String> wrongPart = upload("admin", SeamlineProcess.ADMIN_PASSWORD, "other", jar);
        assertEquals(400, wrongPart.statusCode(), wrongPart.body());
        assertEquals("bad_request", seamline.readJson(wrongPart.body()).get("error").asText());
    }

    @Test
    void viewersAndAgentsMayNotDeployStopOrRemovePlugins() {
        for (String role : new String[] {"viewer", "agent"}) {
            HttpResponse<String> refused = upload(role + "1", role + "-password-123", "file", jar);
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals("forbidden", seamline.readJson(refused.body()).get("error").asText());
            assertEquals(403, as(role + "1", role + "-password-123", "POST", "/api/v1/plugins/org.seamline.channel.email/stop").statusCode());
            assertEquals(403, as(role + "1", role + "-password-123", "DELETE", "/api/v1/plugins/org.seamline.channel.email").statusCode());
        }
        assertTrue(seamline.get("/api/v1/plugins", true).body().contains("\"org.seamline.channel.email\""));
    }

    private static int webhook(String id) {
        return shop.post(ApiChannelClient.message(id + "-" + UUID.randomUUID(), FROM), "first").statusCode();
    }

    private static HttpResponse<String> admin(String method, String path) {
        return as("admin", SeamlineProcess.ADMIN_PASSWORD, method, path);
    }

    private static HttpResponse<String> as(String user, String password, String method, String path) {
        return seamline.send(HttpRequest.newBuilder(seamline.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", SeamlineProcess.basic(user, password)).build());
    }

    /** A browser's form upload: multipart/form-data with one file part. */
    private static HttpResponse<String> upload(String user, String password, String part, byte[] content) {
        String boundary = "----seamline" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"plugin.jar\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return seamline.send(HttpRequest.newBuilder(seamline.uri("/api/v1/plugins")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", SeamlineProcess.basic(user, password)).build());
    }

    private static Path apiChannelJar(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("seamline-channel-api")).findFirst().orElseThrow();
        }
    }
}
