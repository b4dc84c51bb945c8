package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.MergeException;
import org.seamline.context.MergeRecord;

/** Merges under concurrency and in long sequences, on a real H2 and a real PostgreSQL. */
class MergesTest {

    private static final int PAIRS = 8;

    private TestContext context;
    private PendingMessages pending;

    private void setUp(String kind) throws Exception {
        context = new TestContext(kind);
        pending = context.pending();
    }

    private void receive(String id, String userId) throws Exception {
        context.inbox.insert(List.of(new InboundMessage("api", "shop", id, Party.of(null, new Identifier("userId", userId)),
                "text " + id, null, null, null, null)));
    }

    private String customerOf(String userId) throws Exception {
        return context.directory.findByIdentifier("userId", userId).orElseThrow().id();
    }

    /** Every message processed, none set aside, nothing left. */
    private void assertEverythingProcessed() throws Exception {
        pending.processPending();
        assertTrue(context.inbox.pending(10).isEmpty(), "nothing waits");
        assertTrue(context.inbox.setAside(10).isEmpty(), "nothing set aside");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void ofTwoOppositeMergesAtTheSameMomentOneWinsAndTheOtherIsRefused(String kind) throws Exception {
        setUp(kind);
        for (int i = 0; i < PAIRS; i++) {
            receive("p-" + i, "p" + i);
            receive("q-" + i, "q" + i);
        }
        assertEverythingProcessed();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < PAIRS; i++) {
                String p = customerOf("p" + i);
                String q = customerOf("q" + i);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Object> pWins = threads.submit(mergeAt(together, p, q));
                Future<Object> qWins = threads.submit(mergeAt(together, q, p));
                List<Object> outcomes = List.of(pWins.get(), qWins.get());
                assertEquals(1, outcomes.stream().filter(MergeRecord.class::isInstance).count(), "one merge wins: " + outcomes);
                assertEquals(1, outcomes.stream().filter(MergeException.Kind.CONFLICT::equals).count(),
                        "the other is refused as a conflict: " + outcomes);
                assertEquals(context.directory.customer(p).orElseThrow().id(), context.directory.customer(q).orElseThrow().id());
            }
        } finally {
            threads.shutdownNow();
        }

        for (int i = 0; i < PAIRS; i++) {
            receive("p-again-" + i, "p" + i);
            receive("q-again-" + i, "q" + i);
        }
        receive("stranger", "stranger");
        assertEverythingProcessed();
        for (int i = 0; i < PAIRS; i++) {
            assertEquals(customerOf("p" + i), customerOf("q" + i));
        }
        assertEquals(PAIRS + 1, context.directory.customers(0, 100).total(), "each pair is one customer, the stranger another");
    }

    /** A merge at the barrier: the record, or the kind of its refusal. */
    private Callable<Object> mergeAt(CyclicBarrier together, String survivor, String merged) {
        return () -> {
            together.await();
            try {
                return context.merges.merge(survivor, merged, "admin", "same person");
            } catch (MergeException e) {
                return e.kind();
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aChainOf64MergesEachIntoANewCustomerStaysResolvableAndUndoable(String kind) throws Exception {
        setUp(kind);
        int merges = 64;
        for (int i = 0; i <= merges; i++) {
            receive("m-" + i, "u" + i);
        }
        assertEverythingProcessed();
        List<MergeRecord> done = new ArrayList<>();
        for (int i = 1; i <= merges; i++) {
            done.add(context.merges.merge(customerOf("u" + i), customerOf("u" + (i - 1)), "admin", "folded into a newer one"));
        }
        String newest = customerOf("u" + merges);

        assertEquals(newest, context.directory.customer(customerOf("u0")).orElseThrow().id(), "the first answers the last");
        assertEquals(merges, context.directory.customer(newest).orElseThrow().mergedCustomers().size());
        receive("first-again", "u0");
        receive("stranger", "stranger");
        assertEverythingProcessed();
        assertEquals(newest, customerOf("u0"), "a message from the first customer goes to the last");
        assertEquals(2, context.directory.customers(0, 10).total());

        // The 32nd merge folded u0 … u31 into u32: undoing it gives u31 back with everything that was merged into it.
        context.merges.unmerge(done.get(31).id(), "admin");
        String u31 = context.directory.customer(done.get(31).mergedId()).orElseThrow().id();
        assertEquals(u31, customerOf("u0"));
        assertEquals(31, context.directory.customer(u31).orElseThrow().mergedCustomers().size());
        assertEquals(newest, customerOf("u32"));
        assertEquals(merges - 32, context.directory.customer(newest).orElseThrow().mergedCustomers().size());
        receive("after-unmerge", "u0");
        assertEverythingProcessed();
    }
}
