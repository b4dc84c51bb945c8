package org.seamline.context.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;

/**
 * QUALITY.md P3: the in-JVM part of processing an inbound message from a known sender, without I/O: normalise its
 * identifiers (libphonenumber for phones), find the customer in the identity cache, build the timeline entry into
 * the group's buffer. The same 10 000 senders write again and again, each number written with spaces and dashes.
 * Run with {@code platform/context/bench-jmh.sh PipelineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {

    /** Phone numbers remembered as written: 10 000 as in production, or 0 to parse every number. */
    @Param({"10000", "0"})
    public int rememberedPhones;

    private IdentifierNormalizer normalizer;
    private final CustomerStore store = new CustomerStore();
    private final List<TimelineStore.Entry> buffer = new ArrayList<>();
    private KnownSenders senders;
    private int next;

    @Setup
    public void setUp() throws Exception {
        senders = KnownSenders.cached(10_000);
        normalizer = new IdentifierNormalizer("RU", rememberedPhones);
    }

    @Benchmark
    public void normaliseResolveBuffer(Blackhole sink) throws SQLException {
        InboundMessage message = senders.messages().get(next++ % senders.messages().size());
        String customer = null;
        for (Identifier identifier : normalizer.normalize(message.from().identifiers())) {
            CustomerStore.Owner owner = senders.view().ownership(null, store, identifier).orElseThrow();
            customer = senders.view().canonical(null, store, owner.customerId()).orElseThrow();
        }
        sink.consume(senders.view().members(null, store, customer));
        if (buffer.size() == TOGETHER) {
            buffer.clear();
        }
        buffer.add(TimelineStore.inbound(customer, "conversation", message, "interaction"));
    }

    /** As many messages as processing puts in one transaction. */
    private static final int TOGETHER = 25;
}
