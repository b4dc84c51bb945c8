package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins come and go with their jar in deploy/, and configuration changes apply while running. */
class HotDeployIT {

    /** The platform's promise (QUALITY.md P7); FileInstall polls every 500 ms. */
    private static final Duration WITHIN = Duration.ofSeconds(3);
    private static final String FROM = "{\"userId\":\"u-1\"}";

    @TempDir
    static Path dir;
    static SeamlineProcess seamline;
    static ApiChannelClient shop;

    @BeforeAll
    static void start() throws Exception {
        seamline = SeamlineProcess.start(dir, Map.of());
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=first");
        shop.awaitServing();
    }

    @AfterAll
    static void stop() throws Exception {
        seamline.close();
    }

    private static Path apiChannelJar(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("seamline-channel-api")).findFirst().orElseThrow();
        }
    }

    @Test
    void removingTheJarUndeploysItsWebhookAndThreadsAndPuttingItBackRestoresIt() throws Exception {
        Path jar = apiChannelJar(seamline.home.resolve("deploy"));
        Path aside = dir.resolve(jar.getFileName());

        Files.move(jar, aside);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> shop.post(ApiChannelClient.message("gone", FROM), "first").statusCode() == 404);
        await().atMost(WITHIN).until(() -> seamline.log().contains("CamelContext channel-api-shop stopped"));
        String threads = seamline.get("/system/console/status-Threads.txt", true).body();
        assertFalse(threads.contains("channel-api-shop"), () -> "threads left behind:\n" + threads);

        Files.move(aside, jar);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> shop.post(ApiChannelClient.message("back", FROM), "first").statusCode() == 201);
    }

    @Test
    void aChangedSecretIsEnforcedWhileRunning() throws Exception {
        shop.configure("secret=second");
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> shop.post(ApiChannelClient.message("new-secret", FROM), "second").statusCode() == 201);
        assertEquals(403, shop.post(ApiChannelClient.message("old-secret", FROM), "first").statusCode());

        shop.configure("secret=first");
        await().atMost(WITHIN).until(() -> shop.post(ApiChannelClient.message("restored", FROM), "first").statusCode() == 201);
    }

    @Test
    void anInstanceWhoseSecretPlaceholderIsUnsetIsRefusedAndTheLogSaysWhy() throws Exception {
        ApiChannelClient broken = new ApiChannelClient(seamline, "broken");
        broken.configure("secret=$[env:SEAMLINE_IT_NOT_SET]");

        await().atMost(WITHIN).until(() -> seamline.log().contains("'secret' refers to a variable or secret that is not set"));
        assertEquals(404, broken.post(ApiChannelClient.message("b-1", FROM), "$[env:SEAMLINE_IT_NOT_SET]").statusCode());
        Files.delete(seamline.home.resolve("etc/org.seamline.channel.api-broken.cfg"));
    }

    @Test
    void twoInstancesServeSideBySideWithTheirOwnSecrets() throws Exception {
        ApiChannelClient crm = new ApiChannelClient(seamline, "crm");
        crm.configure("secret=crm-secret");
        await().atMost(WITHIN).until(() -> crm.post(ApiChannelClient.message("c-1", FROM), "crm-secret").statusCode() == 201);

        assertEquals(403, crm.post(ApiChannelClient.message("c-2", FROM), "first").statusCode());
        assertEquals("crm", seamline.getJson("/api/v1/interactions?channel=api&limit=1").at("/items/0/instance").asText());

        Files.delete(seamline.home.resolve("etc/org.seamline.channel.api-crm.cfg"));
        await().atMost(WITHIN).until(() -> crm.post(ApiChannelClient.message("c-3", FROM), "crm-secret").statusCode() == 404);
    }
}
