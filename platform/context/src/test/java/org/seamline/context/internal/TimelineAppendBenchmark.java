package org.seamline.context.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seamline.store.Database;

/**
 * QUALITY.md P4: timeline entries appended durably on PostgreSQL, in batches as processing appends them (25 per
 * transaction) and as bulk writers would (500, 2000), spread over 100 000 customers with a conversation each. Each batch is
 * one transaction, committed durably ({@link DurablePostgres}).
 * Scores are entries per second. Run with {@code platform/context/bench-jmh.sh TimelineAppendBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class TimelineAppendBenchmark {

    private static final String TEXT = "Hello, I ordered a blue kettle last week (order 4711) and it has not arrived yet. "
            + "Could you check where it is?";

    private final TimelineStore timeline = new TimelineStore();
    private static final int CUSTOMERS = 100_000;

    private final List<String> customers = new ArrayList<>();
    private final List<String> conversations = new ArrayList<>();
    private Database database;

    @Setup
    public void setUp() throws Exception {
        database = DurablePostgres.create();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(UUID.randomUUID().toString());
            conversations.add(UUID.randomUUID().toString());
        }
    }

    @Benchmark
    @OperationsPerInvocation(25)
    public void appendGroupsOf25() throws SQLException {
        append(25);
    }

    @Benchmark
    @OperationsPerInvocation(500)
    public void appendBatchesOf500() throws SQLException {
        append(500);
    }

    @Benchmark
    @OperationsPerInvocation(2000)
    public void appendBatchesOf2000() throws SQLException {
        append(2000);
    }

    private void append(int count) throws SQLException {
        List<TimelineStore.Entry> entries = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            int who = ThreadLocalRandom.current().nextInt(CUSTOMERS);
            entries.add(new TimelineStore.Entry(customers.get(who), conversations.get(who), "message", "in", "sms", "main", UUID.randomUUID().toString(),
                    "SM" + i, TEXT, List.of(), now));
        }
        database.inTransaction(c -> {
            timeline.append(c, entries);
            return null;
        });
    }
}
