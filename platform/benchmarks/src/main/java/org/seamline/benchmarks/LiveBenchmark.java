package org.seamline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.seamline.itest.ApiChannelClient;
import org.seamline.itest.EventStreamClient;
import org.seamline.itest.SeamlineProcess;

/**
 * From webhook accepted to the message on an open agent screen (QUALITY.md P11). Starts the real distribution, opens
 * {@code streams} event streams as that many agents' screens ({@code GET /api/v1/events}, one user each), posts signed
 * API-channel webhooks at a fixed {@code rate} (open model) for {@code seconds}, and measures for every stream and
 * message the time from the webhook's 2xx reaching the sender to {@code message.received} reaching the screen. A
 * message some screen never receives counts as missing. The load generator shares the machine with the platform.
 */
public final class LiveBenchmark {

    private static final int STRETCH_SECONDS = 5;
    private static final long STRETCH_NANOS = STRETCH_SECONDS * 1_000_000_000L;
    private static final String SECRET = "live-bench-secret";
    private static final Duration DRAIN = Duration.ofSeconds(10);
    private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final SeamlineProcess seamline;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final AtomicLong ids = new AtomicLong();
    /** Interaction id → when its 2xx arrived, for the measured phase only. */
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final Histogram ackLatency = new Histogram(MAX_NANOS, 3);

    private LiveBenchmark(SeamlineProcess seamline) {
        this.seamline = seamline;
        this.endpoint = seamline.uri(new ApiChannelClient(seamline, "bench").path());
    }

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        // Unmeasured load first, at the same rate: a cold JVM falls behind while it compiles (see docs/performance.md).
        Duration warmUp = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 10);

        Path dir = Files.createTempDirectory("seamline-live-bench");
        try (SeamlineProcess seamline = SeamlineProcess.spawn(dir, Map.of())) {
            awaitUp(seamline);
            ApiChannelClient channel = new ApiChannelClient(seamline, "bench");
            channel.configure("secret=" + SECRET);
            channel.awaitServing();
            LiveBenchmark bench = new LiveBenchmark(seamline);
            List<EventStreamClient> screens = bench.openScreens(streams);
            try {
                bench.send(rate, warmUp, false);
                bench.send(rate, Duration.ofSeconds(seconds), true);
                Thread.sleep(DRAIN.toMillis()); // late events still count; missing ones after this are missing
                bench.report(screens, streams, rate, seconds);
            } finally {
                screens.forEach(EventStreamClient::close);
            }
        }
    }

    /** Longer than the tests wait: on a machine shared with other builds a start may take minutes. */
    private static void awaitUp(SeamlineProcess seamline) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (status(seamline) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the platform did not start; see " + seamline.home.resolve("logs"));
            }
            Thread.sleep(500);
        }
    }

    private static int status(SeamlineProcess seamline) {
        try {
            return seamline.get("/health", false).statusCode();
        } catch (RuntimeException notYetListening) {
            return 0;
        }
    }

    private List<EventStreamClient> openScreens(int count) {
        List<EventStreamClient> screens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = "agent-" + i;
            String password = "bench-password-" + i;
            HttpResponse<String> created = seamline.asAdmin("POST", "/api/v1/users",
                    "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"role\":\"agent\"}");
            if (created.statusCode() != 201) {
                throw new IllegalStateException("could not create " + user + ": " + created.body());
            }
            EventStreamClient screen = EventStreamClient.open(http, seamline.uri("/api/v1/events"),
                    Map.of("Authorization", SeamlineProcess.basic(user, password)));
            if (screen.status != 200) {
                throw new IllegalStateException("stream " + i + " answered " + screen.status);
            }
            screens.add(screen);
        }
        return screens;
    }

    /** Posts at {@code rate} per second for {@code length}, each request on schedule (open model). */
    private void send(int rate, Duration length, boolean measured) throws InterruptedException {
        long total = rate * length.toSeconds();
        double intervalNanos = 1e9 / rate;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        ExecutorService senders = Executors.newFixedThreadPool(32);
        for (int t = 0; t < 32; t++) {
            senders.submit(() -> {
                for (long i; (i = next.getAndIncrement()) < total; ) {
                    long wait = start + (long) (i * intervalNanos) - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    post(measured);
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS);
    }

    private void post(boolean measured) {
        long id = ids.incrementAndGet();
        String body = ApiChannelClient.message("live-" + id, "{\"userId\":\"customer-" + id % 1000 + "\"}");
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Seamline-Signature", ApiChannelClient.sign(body, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long before = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long acknowledged = System.nanoTime();
            if (response.statusCode() != 201) {
                errors.incrementAndGet();
                return;
            }
            if (measured) {
                accepted.put(seamline.readJson(response.body()).get("interactionId").asText(), acknowledged);
                synchronized (ackLatency) {
                    ackLatency.recordValue(acknowledged - before);
                }
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    /**
     * Three views of the same deliveries: 2xx → each screen (what an agent waits), 2xx → the first screen (the
     * platform's processing: inbox, identity, timeline, commit), first → last screen of a message (the fan-out).
     */
    private void report(List<EventStreamClient> screens, int streams, int rate, int seconds) {
        Histogram screen = new Histogram(MAX_NANOS, 3);
        Histogram first = new Histogram(MAX_NANOS, 3);
        Histogram spread = new Histogram(MAX_NANOS, 3);
        Map<String, long[]> firstAndLast = new ConcurrentHashMap<>();
        long early = 0;
        long missing = 0;
        long endedStreams = 0;
        for (EventStreamClient client : screens) {
            Map<String, Long> seen = new ConcurrentHashMap<>();
            for (EventStreamClient.Received event : client.events("message.received")) {
                seen.putIfAbsent(event.data().get("messageId").asText(), event.receivedNanos());
            }
            for (Map.Entry<String, Long> message : accepted.entrySet()) {
                Long at = seen.get(message.getKey());
                if (at == null) {
                    missing++;
                    continue;
                }
                if (at < message.getValue()) {
                    early++; // on screen before the sender had read its 2xx: counted as 0
                }
                screen.recordValue(Math.min(MAX_NANOS, Math.max(0, at - message.getValue())));
                firstAndLast.merge(message.getKey(), new long[] {at, at},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            endedStreams += client.ended() ? 1 : 0;
        }
        long start = accepted.values().stream().mapToLong(Long::longValue).min().orElse(0);
        Map<Long, Histogram> byStretch = new java.util.TreeMap<>();
        firstAndLast.forEach((id, times) -> {
            long processing = Math.min(MAX_NANOS, Math.max(0, times[0] - accepted.get(id)));
            first.recordValue(processing);
            spread.recordValue(Math.min(MAX_NANOS, times[1] - times[0]));
            byStretch.computeIfAbsent((accepted.get(id) - start) / STRETCH_NANOS, k -> new Histogram(MAX_NANOS, 3))
                    .recordValue(processing);
        });
        System.out.printf("streams=%d rate=%d/s seconds=%d accepted=%d webhook-errors=%d%n",
                streams, rate, seconds, accepted.size(), errors.get());
        System.out.printf("webhook 2xx: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", ms(ackLatency, 50), ms(ackLatency, 99),
                ackLatency.getMaxValue() / 1e6);
        System.out.printf("2xx -> message.received on a screen (%d deliveries): %s; missing %d, before the 2xx %d, "
                + "streams ended %d%n", screen.getTotalCount(), percentiles(screen), missing, early, endedStreams);
        System.out.printf("2xx -> first screen (processing): %s%n", percentiles(first));
        System.out.printf("first -> last screen of a message (fan-out to %d streams): %s%n", streams, percentiles(spread));
        // Where in the run the time goes: a backlog shows as a stretch of seconds whose messages all wait.
        byStretch.forEach((stretch, h) -> System.out.printf("  accepted %3d-%3d s: 2xx -> first screen %s%n",
                stretch * STRETCH_SECONDS, (stretch + 1) * STRETCH_SECONDS, percentiles(h)));
    }

    private static String percentiles(Histogram h) {
        return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms", ms(h, 50), ms(h, 99), ms(h, 99.9),
                h.getMaxValue() / 1e6);
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }
}
