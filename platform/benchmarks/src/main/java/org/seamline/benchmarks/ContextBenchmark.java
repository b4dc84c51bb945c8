package org.seamline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.seamline.itest.ApiChannelClient;
import org.seamline.itest.PostgresServer;
import org.seamline.itest.SeamlineProcess;

/**
 * The customer context at scale (QUALITY P4/P5), on the real distribution with a real PostgreSQL:
 * <ol>
 *   <li>loads {@code identifiers} customers, one email identifier each, straight into the database;</li>
 *   <li>identity lookup latency from the database (the indexed query the resolver runs) and through
 *       {@code GET /api/v1/customers?identifier=} (HTTP, JSON, the whole profile);</li>
 *   <li>how long a merge takes to show in reads;</li>
 *   <li>end-to-end inbound messages per second through resolution, conversation and timeline: signed webhooks
 *       from 16 senders, half from known customers, until the inbox processor has processed every one.</li>
 * </ol>
 */
public final class ContextBenchmark {

    private static final String SECRET = "bench-secret";

    public static void main(String[] args) throws Exception {
        int identifiers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;

        Map<String, String> env = PostgresServer.newDatabaseEnvironment();
        Path dir = Files.createTempDirectory("seamline-context-bench");
        try (SeamlineProcess seamline = SeamlineProcess.start(dir, env);
             Connection db = DriverManager.getConnection(env.get("SEAMLINE_DB_URL"), env.get("SEAMLINE_DB_USER"), null)) {
            ApiChannelClient channel = new ApiChannelClient(seamline, "bench");
            channel.configure("secret=" + SECRET);
            channel.awaitServing();

            long loadStart = System.nanoTime();
            load(db, identifiers);
            System.out.printf("loaded %,d customers and identifiers in %.1f s%n", identifiers, (System.nanoTime() - loadStart) / 1e9);

            Histogram fromDb = databaseLookups(db, identifiers, lookups);
            print("identity lookup, database (indexed query)", fromDb, 1e3, "µs");
            Histogram fromApi = apiLookups(seamline, identifiers, lookups);
            print("identity lookup, GET /api/v1/customers?identifier=", fromApi, 1e6, "ms");
            mergeVisibility(seamline);
            processing(seamline, channel, identifiers, messages);
        }
    }

    private static void load(Connection db, int identifiers) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO customer (id, display_name, created_at) "
                    + "SELECT 'bench-' || i, 'Customer ' || i, now() FROM generate_series(1, " + identifiers + ") i");
            s.execute("INSERT INTO customer_identifier (id_type, id_value, customer_id, source, evidence, confidence, linked_at) "
                    + "SELECT 'email', 'user' || i || '@bench.example', 'bench-' || i, 'bench', NULL, 90, now() "
                    + "FROM generate_series(1, " + identifiers + ") i");
            s.execute("ANALYZE customer");
            s.execute("ANALYZE customer_identifier");
        }
    }

    private static Histogram databaseLookups(Connection db, int identifiers, int lookups) throws Exception {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        try (PreparedStatement q = db.prepareStatement(
                "SELECT customer_id FROM customer_identifier WHERE id_type = ? AND id_value = ?")) {
            for (int i = 0; i < lookups * 2; i++) {
                q.setString(1, "email");
                q.setString(2, "user" + (1 + ThreadLocalRandom.current().nextInt(identifiers)) + "@bench.example");
                long start = System.nanoTime();
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("a loaded identifier was not found");
                    }
                }
                if (i >= lookups) { // the first half warms the connection and the plan cache
                    histogram.recordValue(System.nanoTime() - start);
                }
            }
        }
        return histogram;
    }

    private static Histogram apiLookups(SeamlineProcess seamline, int identifiers, int lookups) {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        for (int i = 0; i < lookups * 2; i++) {
            int n = 1 + ThreadLocalRandom.current().nextInt(identifiers);
            long start = System.nanoTime();
            JsonNode found = seamline.getJson("/api/v1/customers?identifier=email:user" + n + "@bench.example");
            if (!found.at("/items/0/id").asText().equals("bench-" + n)) {
                throw new IllegalStateException("lookup answered the wrong customer: " + found);
            }
            if (i >= lookups) {
                histogram.recordValue(System.nanoTime() - start);
            }
        }
        return histogram;
    }

    /** A merge is committed before the API answers; the next read of the merged id must answer the survivor. */
    private static void mergeVisibility(SeamlineProcess seamline) {
        long start = System.nanoTime();
        HttpResponse<String> merged = seamline.asAdmin("POST", "/api/v1/customers/bench-1/merge", "{\"from\":\"bench-2\"}");
        long answered = System.nanoTime();
        String survivor = seamline.getJson("/api/v1/customers/bench-2").get("id").asText();
        long visible = System.nanoTime();
        if (merged.statusCode() != 201 || !survivor.equals("bench-1")) {
            throw new IllegalStateException("merge failed: " + merged.body());
        }
        System.out.printf("merge: answered in %.1f ms, visible to the next read %.1f ms after the request%n",
                (answered - start) / 1e6, (visible - start) / 1e6);
    }

    private static void processing(SeamlineProcess seamline, ApiChannelClient channel, int identifiers, int messages)
            throws Exception {
        long before = processed(seamline);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        for (int t = 0; t < 16; t++) {
            senders.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < messages; ) {
                    String from = i % 2 == 0
                            ? "{\"email\":\"user" + (1 + ThreadLocalRandom.current().nextInt(identifiers)) + "@bench.example\"}"
                            : "{\"email\":\"new" + i + "@bench.example\"}";
                    if (channel.post(ApiChannelClient.message("p-" + i, from), SECRET).statusCode() >= 300) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);
        long accepted = System.nanoTime();
        while (processed(seamline) < before + messages - errors.get()) {
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        System.out.printf("end to end: %,d messages (%d refused) accepted in %.1f s, all resolved into customers, "
                        + "conversations and timeline after %.1f s: %.0f messages/s%n", messages, errors.get(),
                (accepted - start) / 1e9, (done - start) / 1e9, messages / ((done - start) / 1e9));
    }

    private static long processed(SeamlineProcess seamline) {
        String detail = seamline.getJson("/health").at("/components/inbox-processor/detail").asText();
        return Long.parseLong(detail.replaceAll("^processed: (\\d+).*$", "$1"));
    }

    private static void print(String what, Histogram h, double unit, String unitName) {
        System.out.printf("%s: %,d samples, p50 %.2f %s, p99 %.2f %s, p99.9 %.2f %s, max %.2f %s%n", what, h.getTotalCount(),
                h.getValueAtPercentile(50) / unit, unitName, h.getValueAtPercentile(99) / unit, unitName,
                h.getValueAtPercentile(99.9) / unit, unitName, h.getMaxValue() / unit, unitName);
    }
}
