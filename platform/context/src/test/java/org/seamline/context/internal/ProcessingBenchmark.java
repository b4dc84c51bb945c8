package org.seamline.context.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;

/**
 * Processing alone, without HTTP or intake competing for the two cores: stored inbox messages resolved into
 * customers, conversations and timeline entries on a durable PostgreSQL, 25 per transaction. {@code new}: every
 * sender writes for the first time; {@code known}: 500 customers write again, so the identity cache answers.
 * Scores are microseconds per message. Run with {@code platform/context/bench-jmh.sh ProcessingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ProcessingBenchmark {

    private static final int MESSAGES = 2000;
    private static final int KNOWN = 500;

    @Param({"new", "known"})
    public String senders;

    private TestContext context;
    private PendingMessages pending;
    private int round;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        context = new TestContext(DurablePostgres.create());
        pending = context.pending();
        if (senders.equals("known")) {
            fill(KNOWN);
            pending.processPending();
        }
    }

    @Setup(Level.Iteration)
    public void fillInbox() throws Exception {
        fill(MESSAGES);
    }

    private void fill(int count) throws Exception {
        round++;
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int sender = senders.equals("known") ? i % KNOWN : round * MESSAGES + i;
            messages.add(new InboundMessage("sms", "main", "r" + round + "-" + i, Party.of("Customer " + sender,
                    new Identifier("phone", String.format("+7916%07d", sender))), "Where is my order?", null, null, null, null));
        }
        context.inbox.insert(messages);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int process() {
        return pending.processPending();
    }
}
