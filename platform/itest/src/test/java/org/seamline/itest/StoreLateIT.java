package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that is not there when Seamline starts: the platform waits for it, says so, and comes up with it. */
class StoreLateIT {

    @TempDir
    Path dir;

    @Test
    void aPostgresqlStartedAfterSeamlineBringsThePlatformUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Map<String, String> environment = Map.of("SEAMLINE_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "SEAMLINE_DB_USER", "postgres");
        try (SeamlineProcess seamline = SeamlineProcess.spawn(dir, environment)) {
            JsonNode waiting = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> seamline.readJson(seamline.get("/health", true).body()),
                            health -> health.at("/components/store/detail").asText().startsWith("waiting for the database"));
            assertEquals("DOWN", waiting.get("status").asText());
            assertEquals(503, seamline.get("/health", true).statusCode());

            try (EmbeddedPostgres late = EmbeddedPostgres.builder().setPort(port)
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
                seamline.awaitUp();
                assertEquals(200, seamline.get("/api/v1/interactions", true).statusCode(), "the store serves the API");
                assertTrue(seamline.log().contains("not usable yet"), "each failed attempt is logged");
                seamline.close();
            }
        }
    }
}
