package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send a webhook's headers and then trickle its body, a byte every two seconds, or stop sending it,
 * must not take the server down: {@code /health} and the API keep answering, and every slow client gets its answer.
 */
class SlowClientsIT {

    private static final int TRICKLING = 200;
    private static final int STALLED = 50;
    private static final int BODY_LENGTH = 1000;
    /** Longer than any slow client may be kept: the server's idle timeout (15 s) and more. */
    private static final Duration ALL_ANSWERED_WITHIN = Duration.ofSeconds(40);

    @TempDir
    static Path dir;
    static SeamlineProcess seamline;
    static ApiChannelClient shop;

    @BeforeAll
    static void start() throws Exception {
        seamline = SeamlineProcess.start(dir, Map.of());
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=slow-clients-it-secret-0123456789");
        shop.awaitServing();
    }

    @AfterAll
    static void stop() throws Exception {
        seamline.close();
    }

    @Test
    void healthAndTheApiKeepAnsweringWhileClientsTrickleBodies() throws Exception {
        List<RawHttp> stalled = open(STALLED);
        List<RawHttp> trickling = open(TRICKLING);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(TRICKLING + STALLED);
        ExecutorService trickler = Executors.newSingleThreadExecutor();
        try {
            for (RawHttp client : concat(trickling, stalled)) {
                readers.submit(() -> answers.merge(firstLine(client), 1, Integer::sum));
            }
            trickler.submit(() -> trickle(trickling));

            for (int i = 0; i < 5; i++) {
                // The client's own timeout (5 s) is the bound: a starved server would not answer at all.
                assertEquals(200, seamline.send(HttpRequest.newBuilder(seamline.uri("/health"))
                        .timeout(Duration.ofSeconds(5)).build()).statusCode());
                assertEquals(200, seamline.send(HttpRequest.newBuilder(seamline.uri("/api/v1/plugins"))
                        .timeout(Duration.ofSeconds(5))
                        .header("Authorization", SeamlineProcess.basic("admin", SeamlineProcess.ADMIN_PASSWORD)).build())
                        .statusCode());
            }

            await().atMost(ALL_ANSWERED_WITHIN).until(() -> answers.values().stream().mapToInt(Integer::intValue).sum()
                    == TRICKLING + STALLED);
        } finally {
            trickler.shutdownNow();
            readers.shutdownNow();
            for (RawHttp client : concat(trickling, stalled)) {
                client.close();
            }
            trickler.awaitTermination(10, TimeUnit.SECONDS);
        }

        assertTrue(answers.keySet().stream().allMatch(a -> a.contains(" 408 ") || a.contains(" 503 ")), answers::toString);
        assertTrue(answers.keySet().stream().anyMatch(a -> a.contains(" 408 ")), answers::toString);
        String log = seamline.log();
        assertFalse(log.contains(" ERROR "), "an aborted request is no server error");
        assertFalse(log.contains("\tat "), "and is logged without a stack trace");
    }

    private static List<RawHttp> open(int count) throws Exception {
        String head = "POST " + shop.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + seamline.port + "\r\n"
                + "Content-Type: application/json\r\nX-Seamline-Signature: sha256=00\r\n"
                + "Content-Length: " + BODY_LENGTH + "\r\n\r\n{";
        List<RawHttp> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RawHttp client = new RawHttp(InetAddress.getLoopbackAddress(), seamline.port);
            client.send(head);
            clients.add(client);
        }
        return clients;
    }

    /** A byte every two seconds to each client, until the server has closed them all (or the test ends). */
    private static void trickle(List<RawHttp> clients) {
        for (int second = 0; second < BODY_LENGTH; second += 2) {
            for (RawHttp client : clients) {
                try {
                    client.send(" ");
                } catch (java.io.IOException closedByTheServer) {
                    // answered and closed: nothing more to send
                }
            }
            try {
                Thread.sleep(2000); // the attack's own pace, not a wait for the server
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String firstLine(RawHttp client) {
        try {
            String answer = client.readAll();
            return answer.isEmpty() ? "closed without an answer" : answer.lines().findFirst().orElse("");
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static List<RawHttp> concat(List<RawHttp> a, List<RawHttp> b) {
        List<RawHttp> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
