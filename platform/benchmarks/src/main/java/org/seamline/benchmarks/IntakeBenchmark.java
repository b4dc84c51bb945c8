package org.seamline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.seamline.itest.ApiChannelClient;
import org.seamline.itest.PostgresServer;
import org.seamline.itest.SeamlineProcess;

/**
 * Starts the real distribution (embedded store or a real PostgreSQL), configures an API channel instance and
 * measures signed webhook intake in two phases:
 * <ol>
 *   <li>throughput: {@code threads} senders in a closed loop, accepted (2xx, committed) messages per second;</li>
 *   <li>latency: an open model at a fixed {@code rate}; each request's latency counts from its scheduled start,
 *       so a stalled server is charged for the requests it delayed (coordinated omission corrected).</li>
 * </ol>
 * The load generator runs on the same machine as the platform and shares its cores.
 */
public final class IntakeBenchmark {

    private static final String SECRET = "bench-secret";
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final SeamlineProcess seamline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final AtomicLong ids = new AtomicLong();

    private IntakeBenchmark(SeamlineProcess seamline) {
        this.seamline = seamline;
        this.endpoint = seamline.uri(new ApiChannelClient(seamline, "bench").path());
    }

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "embedded";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 32;

        Path dir = Files.createTempDirectory("seamline-bench");
        Map<String, String> env = store.equals("postgresql") ? PostgresServer.newDatabaseEnvironment() : Map.of();
        try (SeamlineProcess seamline = SeamlineProcess.start(dir, env)) {
            new ApiChannelClient(seamline, "bench").configure("secret=" + SECRET);
            IntakeBenchmark bench = new IntakeBenchmark(seamline);
            bench.awaitServing();
            bench.closedLoop(threads, WARM_UP);
            Result throughput = bench.closedLoop(threads, Duration.ofSeconds(seconds));
            Result latency = bench.openModel(rate, threads * 4, Duration.ofSeconds(seconds));
            System.out.printf("store=%s threads=%d seconds=%d%n", store, threads, seconds);
            System.out.printf("throughput: %.0f accepted/s, %d errors%n", throughput.perSecond(), throughput.errors);
            System.out.printf("open model at %d req/s: achieved %.0f/s, %d errors, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    rate, latency.perSecond(), latency.errors, latency.millis(50), latency.millis(99), latency.millis(99.9),
                    latency.histogram.getMaxValue() / 1e6);
            System.out.printf("stored: %d messages%n",
                    seamline.getJson("/api/v1/interactions?channel=api&limit=1").get("total").asLong());
        }
    }

    private void awaitServing() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (post() >= 300) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the API channel instance did not start");
            }
            Thread.sleep(100);
        }
    }

    private int post() {
        String body = ApiChannelClient.message("b-" + ids.incrementAndGet(), "{\"userId\":\"bench\"}");
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Seamline-Signature", ApiChannelClient.sign(body, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 599;
        }
    }

    private Result closedLoop(int threads, Duration length) throws InterruptedException {
        Tally tally = new Tally();
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        runSenders(threads, length, () -> {
            while (System.nanoTime() < end) {
                long before = System.nanoTime();
                tally.record(post(), before);
            }
        });
        return tally.result(start);
    }

    private Result openModel(int rate, int senders, Duration length) throws InterruptedException {
        Tally tally = new Tally();
        AtomicLong next = new AtomicLong();
        long total = rate * length.toSeconds();
        double intervalNanos = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        runSenders(senders, length, () -> {
            for (long i; (i = next.getAndIncrement()) < total; ) {
                long intended = start + (long) (i * intervalNanos);
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                tally.record(post(), intended);
            }
        });
        return tally.result(start);
    }

    private static void runSenders(int threads, Duration length, Runnable sender) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(sender);
        }
        pool.shutdown();
        pool.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS);
    }

    /** Latencies (from the given start of each request) and failed requests, shared by all sender threads. */
    private static final class Tally {
        private final Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
        private final AtomicLong errors = new AtomicLong();

        void record(int status, long sinceNanos) {
            recorder.recordValue(Math.min(System.nanoTime() - sinceNanos, MAX_LATENCY_NANOS));
            if (status >= 300) {
                errors.incrementAndGet();
            }
        }

        Result result(long startNanos) {
            return new Result(recorder.getIntervalHistogram(), errors.get(), System.nanoTime() - startNanos);
        }
    }

    private record Result(Histogram histogram, long errors, long elapsedNanos) {
        double perSecond() {
            return (histogram.getTotalCount() - errors) / (elapsedNanos / 1e9);
        }

        double millis(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1e6;
        }
    }
}
