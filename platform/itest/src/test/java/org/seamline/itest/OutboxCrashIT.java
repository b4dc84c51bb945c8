package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} while the dispatcher is sending a reply (QUALITY R2): after the restart the reply is sent again
 * with the same Idempotency-Key, so the receiver can drop the repeat, and the timeline holds it once, sent once.
 */
class OutboxCrashIT {

    private static final String SECRET = "outbox-crash-secret";

    @TempDir
    Path dir;

    @Test
    void aKillWhileSendingNeitherLosesNorDuplicatesTheReply() throws Exception {
        List<String> deliveredKeys = new CopyOnWriteArrayList<>();
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/callback", exchange -> {
            exchange.getRequestBody().readAllBytes();
            deliveredKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            if (firstArrived.getCount() > 0) {
                firstArrived.countDown();
                awaitQuietly(release); // the first delivery hangs until the platform is dead
            }
            byte[] answer = "{\"id\":\"ext-1\"}".getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, answer.length);
                out.write(answer);
            } catch (IOException callerGone) {
                // the killed platform no longer listens
            }
        });
        receiver.start();
        SeamlineProcess seamline = SeamlineProcess.start(dir, Map.of());
        try {
            ApiChannelClient shop = new ApiChannelClient(seamline, "shop");
            shop.configure("secret=" + SECRET, "callbackUrl=http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback");
            shop.awaitServing();
            shop.post("{\"id\":\"in-1\",\"from\":{\"userId\":\"hana\"},\"text\":\"Refund?\"}", SECRET);
            await().atMost(Duration.ofSeconds(10)).until(() -> seamline.getJson("/api/v1/conversations").get("items").size() == 1);
            String conversation = seamline.getJson("/api/v1/conversations").at("/items/0/id").asText();

            HttpResponse<String> queued = seamline.post("/api/v1/conversations/" + conversation + "/messages",
                    "{\"text\":\"Refunded today.\"}", Map.of("Authorization", SeamlineProcess.basic("admin", SeamlineProcess.ADMIN_PASSWORD),
                            "Idempotency-Key", "refund-hana"));
            assertEquals(202, queued.statusCode(), queued.body());
            assertTrue(firstArrived.await(20, TimeUnit.SECONDS), "the dispatcher started sending");

            seamline.kill();
            release.countDown();
            seamline.launch();

            await().atMost(Duration.ofSeconds(30)).until(() -> kinds(seamline, conversation).contains("status:SENT"));
            assertTrue(deliveredKeys.size() >= 2, "the reply in flight at the kill was sent again: " + deliveredKeys);
            assertEquals(Set.of("refund-hana"), Set.copyOf(deliveredKeys), "every attempt carries the same key");
            assertEquals(List.of("message", "message", "status:SENT"), kinds(seamline, conversation),
                    "one reply, sent once, on the timeline");
        } finally {
            seamline.close();
            receiver.stop(0);
        }
    }

    private static List<String> kinds(SeamlineProcess seamline, String conversation) {
        List<String> kinds = new ArrayList<>();
        seamline.getJson("/api/v1/conversations/" + conversation + "/messages").get("items")
                .forEach(entry -> kinds.add(entry.get("kind").asText()));
        return kinds;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
