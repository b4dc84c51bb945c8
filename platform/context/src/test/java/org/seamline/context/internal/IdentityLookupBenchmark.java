package org.seamline.context.internal;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seamline.api.message.Identifier;

/**
 * QUALITY.md P5, cached: a normalised identifier to its canonical customer from the identity cache (100 000
 * identifiers, the default cache size), as a latency distribution. Run with
 * {@code platform/context/bench-jmh.sh IdentityLookupBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IdentityLookupBenchmark {

    private final CustomerStore store = new CustomerStore();
    private KnownSenders senders;
    private int next;

    @Setup
    public void setUp() throws Exception {
        senders = KnownSenders.cached(100_000);
    }

    @Benchmark
    public String cachedLookup() throws SQLException {
        Identifier identifier = senders.identifiers().get(next++ % senders.identifiers().size());
        String owner = senders.view().ownership(null, store, identifier).orElseThrow().customerId();
        return senders.view().canonical(null, store, owner).orElseThrow();
    }
}
