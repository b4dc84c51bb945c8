package org.seamline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} while webhooks are being acknowledged: every message that got a 2xx is stored after restart,
 * once. A ledger records each acknowledgement; the kill lands while other requests are still in flight.
 */
class CrashSafetyIT {

    private static final String SECRET = "crash-secret";
    private static final int SENDERS = 8;
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgresql"})
    void everyAcknowledgedMessageSurvivesKill9(String store) throws Exception {
        SeamlineProcess seamline = SeamlineProcess.start(dir,
                store.equals("postgresql") ? PostgresServer.newDatabaseEnvironment() : Map.of());
        try {
            ApiChannelClient channel = new ApiChannelClient(seamline, "load");
            channel.configure("secret=" + SECRET);
            channel.awaitServing();

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger sequence = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int s = 0; s < SENDERS; s++) {
                senders.submit(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        String id = "crash-" + sequence.incrementAndGet();
                        try {
                            int status = channel.post(ApiChannelClient.message(id, "{\"userId\":\"u-" + id + "\"}"), SECRET).statusCode();
                            if (status == 201 || status == 200) {
                                acknowledged.add(id);
                                enough.countDown();
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            assertTrue(enough.await(60, TimeUnit.SECONDS), "the platform acknowledged messages under load");
            seamline.kill();
            senders.shutdownNow();
            senders.awaitTermination(20, TimeUnit.SECONDS);
            Set<String> ledger = new HashSet<>(acknowledged);

            seamline.launch();

            List<String> storedIds = storedProviderIds(seamline);
            Set<String> missing = new HashSet<>(ledger);
            missing.removeAll(storedIds);
            assertEquals(Set.of(), missing, "acknowledged but lost after kill -9");
            assertEquals(storedIds.size(), new HashSet<>(storedIds).size(), "no message stored twice");
        } finally {
            seamline.close();
        }
    }

    private static List<String> storedProviderIds(SeamlineProcess seamline) {
        java.util.ArrayList<String> ids = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            JsonNode page = seamline.getJson("/api/v1/interactions?channel=api&limit=500&offset=" + offset);
            page.get("items").forEach(i -> ids.add(i.get("providerMessageId").asText()));
            if (page.get("items").size() < 500) {
                return ids;
            }
        }
    }

}
