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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution as it starts: every bundle active, healthy, a clean log, and a locked admin surface. */
class PlatformStartIT {

    @TempDir
    static Path dir;
    static SeamlineProcess seamline;

    @BeforeAll
    static void start() throws Exception {
        seamline = SeamlineProcess.start(dir, Map.of());
        // /health reports the platform; plugins in deploy/ start right after it, at the last start level.
        await().atMost(Duration.ofSeconds(5)).until(() -> notActive().isEmpty());
    }

    private static List<String> notActive() {
        List<String> notActive = new ArrayList<>();
        seamline.getJson("/system/console/bundles.json").get("data").forEach(b -> {
            // A fragment (the Jakarta REST whiteboard's SSE part) is attached to its host and never starts itself.
            if (!"Active".equals(b.get("state").asText()) && !"Fragment".equals(b.get("state").asText())) {
                notActive.add(b.get("symbolicName").asText() + " " + b.get("state").asText());
            }
        });
        return notActive;
    }

    @AfterAll
    static void stop() throws Exception {
        seamline.close();
    }

    @Test
    void everyBundleIsActive() {
        JsonNode bundles = seamline.getJson("/system/console/bundles.json");
        assertEquals(List.of(), notActive());
        assertTrue(bundles.get("data").size() >= 40, "the full bundle set is installed");
    }

    @Test
    void healthIsUpWithTheStoreAndIngress() {
        var response = seamline.get("/health", false);
        JsonNode health = seamline.readJson(response.body());
        assertEquals(200, response.statusCode());
        assertEquals("UP", health.get("status").asText());
        assertEquals("UP", health.at("/components/store/status").asText());
        assertEquals("UP", health.at("/components/ingress/status").asText());
        assertEquals("UP", health.at("/components/api/status").asText(), "UP includes the REST API being served");
    }

    @Test
    void anAnswerGivenBeforeTheBodyWasReadSaysTheConnectionCloses() {
        // The server closes such a connection; a client not told so sends its next request into a closed socket
        // (seen as "received no bytes" on about 2 % of requests after an unauthenticated upload).
        String body = "{\"text\":\"" + "x".repeat(3000) + "\"}";
        var unauthenticated = seamline.post("/api/v1/attachments?name=a.txt", body, Map.of());
        assertEquals(401, unauthenticated.statusCode());
        assertEquals("close", unauthenticated.headers().firstValue("Connection").orElse(null), "refused before any servlet");
        var wrongPath = seamline.asAdmin("POST", "/api/v1/conversations/x/unknown", body);
        assertEquals(404, wrongPath.statusCode());
        assertEquals("close", wrongPath.headers().firstValue("Connection").orElse(null), "refused by a servlet");

        var read = seamline.asAdmin("POST", "/api/v1/attachments?name=a.txt", body);
        assertEquals(201, read.statusCode());
        assertTrue(read.headers().firstValue("Connection").isEmpty(), "a body read to its end keeps the connection");
    }

    @Test
    void theLogHoldsNoErrorAfterStart() throws Exception {
        String log = seamline.log();
        assertFalse(log.contains(" ERROR "), () -> "errors in the log:\n" + log);
        String console = Files.readString(seamline.home.resolve("logs/process.out"));
        assertFalse(console.contains("ERROR"), () -> "errors on the console:\n" + console);
    }

    @Test
    void theRestApiRefusesRequestsWithoutCredentials() {
        assertEquals(401, seamline.get("/api/v1/interactions", false).statusCode());
        assertEquals(401, seamline.get("/api/v1/plugins", false).statusCode());
        var wrong = seamline.send(HttpRequest.newBuilder(seamline.uri("/api/v1/plugins"))
                .header("Authorization", SeamlineProcess.basic("admin", "wrong")).build());
        assertEquals(401, wrong.statusCode());
        assertEquals("unauthorized", seamline.readJson(wrong.body()).get("error").asText());
    }

    @Test
    void theWebConsoleRefusesAnonymousAndTheFelixDefaultPassword() {
        assertEquals(401, seamline.get("/system/console/bundles", false).statusCode());
        var felixDefault = seamline.send(HttpRequest.newBuilder(seamline.uri("/system/console/bundles"))
                .header("Authorization", SeamlineProcess.basic("admin", "admin")).build());
        assertEquals(401, felixDefault.statusCode());
        assertEquals(200, seamline.get("/system/console/bundles", true).statusCode());
    }

    @Test
    void theApiChannelPluginIsListedWithKindVersionStateAndHealth() {
        JsonNode plugins = seamline.getJson("/api/v1/plugins").get("items");
        JsonNode api = plugins.get(0);
        assertEquals("org.seamline.channel.api", api.get("id").asText());
        assertEquals("channel", api.get("kind").asText());
        assertEquals("ACTIVE", api.get("state").asText());
        assertTrue(api.get("version").asText().startsWith("0.1.0"));
        assertEquals("UNCONFIGURED", api.get("health").asText(), "no instance is configured in a fresh distribution");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        JsonNode openapi = seamline.getJson("/api/v1/openapi.json");
        assertTrue(openapi.get("openapi").asText().startsWith("3."));
        assertTrue(openapi.at("/paths").has("/interactions"));
    }

    @Test
    void listenersBindLoopbackOnlyByDefault() throws Exception {
        // Java listens on dual-stack sockets, so 127.0.0.1 may show as ::ffff:127.0.0.1 in tcp6.
        String portHex = String.format(":%04X", seamline.port);
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Files.readString(Path.of(table)).lines().skip(1).map(l -> l.strip().split("\\s+"))
                    .filter(f -> f[1].endsWith(portHex) && f[3].equals("0A")).forEach(f -> listening.add(f[1]));
        }
        assertFalse(listening.isEmpty(), "the HTTP port is listening");
        for (String local : listening) {
            assertTrue(local.startsWith("0100007F:") || local.startsWith("0000000000000000FFFF00000100007F:"),
                    "bound to loopback only: " + local);
        }
    }
}
