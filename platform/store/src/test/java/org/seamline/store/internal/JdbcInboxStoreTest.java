package org.seamline.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.ingress.Acceptance;
import org.seamline.store.SetAside;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.store.Database;
import org.seamline.store.InboxStore;
import org.seamline.store.Interaction;
import org.seamline.store.Page;

class JdbcInboxStoreTest {

    private static InboundMessage message(String channel, String providerId) {
        return new InboundMessage(channel, "shop", providerId, Party.of("Anna", new Identifier("email", "anna@example.com")),
                "Hello " + providerId, List.of(), null, Instant.parse("2026-11-22T10:00:00Z"), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void storesOnceAndAnswersRepeatsWithTheFirstId(String kind) throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.of(kind));

        Acceptance first = store.insert(List.of(message("api", "m-1"))).get(0);
        List<Acceptance> again = store.insert(List.of(message("api", "m-1"), message("api", "m-2"), message("api", "m-2")));

        assertFalse(first.duplicate());
        assertEquals(new Acceptance(first.interactionId(), true), again.get(0));
        assertFalse(again.get(1).duplicate());
        assertEquals(new Acceptance(again.get(1).interactionId(), true), again.get(2), "a repeat inside one batch is a duplicate too");
        assertEquals(2, store.list(null, 0, 10).total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSenderReusingAnIdForAnotherMessageLosesNeither(String kind) throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.of(kind));
        InboundMessage first = fingerprinted("<same@id>", "aaaaaaaaaaaaaaaa1111", "Where is my order?");
        InboundMessage redelivered = fingerprinted("<same@id>", "aaaaaaaaaaaaaaaa1111", "Where is my order?");
        InboundMessage other = fingerprinted("<same@id>", "bbbbbbbbbbbbbbbb2222", "A different question");

        Acceptance stored = store.insert(List.of(first)).get(0);
        List<Acceptance> later = store.insert(List.of(redelivered, other));
        Acceptance otherAgain = store.insert(List.of(other)).get(0);

        assertEquals(new Acceptance(stored.interactionId(), true), later.get(0), "the same fingerprint is a repeat");
        assertFalse(later.get(1).duplicate(), "another fingerprint is another message");
        assertEquals("<same@id>#bbbbbbbbbbbbbbbb", store.find(later.get(1).interactionId()).orElseThrow().message().providerMessageId());
        assertEquals(new Acceptance(later.get(1).interactionId(), true), otherAgain, "and its repeats are repeats of it");
        assertEquals(2, store.list(null, 0, 10).total());
    }

    private static InboundMessage fingerprinted(String id, String fingerprint, String text) {
        return new InboundMessage("email", "support", id, org.seamline.api.message.Party.of(null,
                new org.seamline.api.message.Identifier("email", "anna@example.com")), text, null, null, null,
                java.util.Map.of(org.seamline.api.message.MessageMetadata.FINGERPRINT, fingerprint));
    }

    @org.junit.jupiter.api.Test
    void repeatsAreFoundEvenWhenTheUrlAsksForRewrittenBatches() throws Exception {
        // Rewritten batches report no per-row counts, which would make a repeat look new: the store turns them off.
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.postgres("?reWriteBatchedInserts=true"));

        Acceptance first = store.insert(List.of(message("api", "m-1"))).get(0);
        List<Acceptance> again = store.insert(List.of(message("api", "m-1"), message("api", "m-2")));

        assertEquals(new Acceptance(first.interactionId(), true), again.get(0));
        assertEquals(2, store.list(null, 0, 10).total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSetAsideMessageIsListedWithItsReasonAndCanBeRetried(String kind) throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.of(kind));
        String poison = store.insert(List.of(message("api", "m-1"), message("api", "m-2"))).get(0).interactionId();

        store.markFailed(poison, "IllegalStateException: no such template");

        assertEquals(1, store.pending(10).size());
        SetAside aside = store.setAside(10).get(0);
        assertEquals(poison, aside.interactionId());
        assertEquals(poison, aside.interaction().orElseThrow().id());
        assertEquals("IllegalStateException: no such template", aside.reason());

        assertTrue(store.retry(poison));
        assertEquals(2, store.pending(10).size(), "back on the work list");
        assertEquals(List.of(), store.setAside(10));
        assertFalse(store.retry(poison), "only a set-aside message can be retried");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDiscardedMessageLeavesTheListCannotBeRetriedAndStaysARepeat(String kind) throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.of(kind));
        String poison = store.insert(List.of(message("api", "m-1"))).get(0).interactionId();
        assertFalse(store.discard(poison, "sam"), "only a set-aside message can be discarded");
        store.markFailed(poison, "IllegalStateException: no such template");

        assertTrue(store.discard(poison, "sam"));

        assertEquals(List.of(), store.setAside(10));
        assertFalse(store.retry(poison), "a discarded message is not put back to work");
        assertFalse(store.discard(poison, "sam"));
        assertEquals(List.of(), store.pending(10));
        assertTrue(store.insert(List.of(message("api", "m-1"))).get(0).duplicate(), "a redelivery is still a repeat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void ofARetryAndADiscardAtOnceExactlyOneWins(String kind) throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.of(kind));
        for (int round = 0; round < 20; round++) {
            String poison = store.insert(List.of(message("api", "race-" + round))).get(0).interactionId();
            store.markFailed(poison, "IllegalStateException: broken");
            CompletableFuture<Boolean> retried = CompletableFuture.supplyAsync(() -> quietly(() -> store.retry(poison)));
            CompletableFuture<Boolean> discarded = CompletableFuture.supplyAsync(() -> quietly(() -> store.discard(poison, "sam")));
            assertTrue(retried.get() ^ discarded.get(), "one of them wins, never both");
        }
    }

    private static boolean quietly(Callable<Boolean> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anErasedMessageDeliveredAgainIsARepeatAndNotStoredAgain(String kind) throws Exception {
        Database database = TestDatabases.of(kind);
        JdbcInboxStore store = new JdbcInboxStore(database);
        String erased = store.insert(List.of(message("api", "m-1"), message("api", "m-2"))).get(0).interactionId();

        assertEquals(1, (int) database.inTransaction(c -> store.erase(c, List.of(erased))));
        List<Acceptance> again = store.insert(List.of(message("api", "m-1"), message("api", "m-3")));

        assertEquals(new Acceptance(erased, true), again.get(0), "the webhook re-posted after the erasure is a repeat");
        assertFalse(again.get(1).duplicate());
        assertTrue(store.find(erased).isEmpty(), "and nothing of it is stored again");
        assertEquals(2, store.list(null, 0, 10).total());
        assertFalse(store.insert(List.of(message("sms", "m-1"))).get(0).duplicate(), "the same id on another channel is new");
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT * FROM erased_message")) {
            assertTrue(row.next());
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                assertFalse(String.valueOf(row.getString(i)).contains("m-1"), "the tombstone keeps a hash of the key, not the key");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void setAsideMessagesAreUnresolvedLikeUnprocessedOnes(String kind) throws Exception {
        Database database = TestDatabases.of(kind);
        JdbcInboxStore store = new JdbcInboxStore(database);
        List<Acceptance> stored = store.insert(List.of(message("api", "m-1"), message("api", "m-2"), message("api", "m-3")));
        store.markFailed(stored.get(0).interactionId(), "IllegalStateException");
        database.inTransaction(c -> store.markProcessed(c, List.of(
                new InboxStore.Processed(stored.get(2).interactionId(), "customer-1", "conversation-1"))));

        assertEquals(List.of(stored.get(0).interactionId(), stored.get(1).interactionId()),
                database.inTransaction(c -> store.unresolved(c)).stream().map(Interaction::id).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSameProviderIdOnAnotherChannelIsAnotherMessage(String kind) throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.of(kind));

        String viaApi = store.insert(List.of(message("api", "x"))).get(0).interactionId();
        String viaSms = store.insert(List.of(message("sms", "x"))).get(0).interactionId();

        assertNotEquals(viaApi, viaSms);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void readsBackWhatWasStoredFilteredAndPagedNewestFirst(String kind) throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.of(kind));
        for (int i = 1; i <= 5; i++) {
            store.insert(List.of(message(i % 2 == 0 ? "sms" : "api", "m-" + i)));
        }

        Page<Interaction> page = store.list("api", 1, 1);
        Interaction one = store.find(page.items().get(0).id()).orElseThrow();

        assertEquals(3, page.total());
        assertEquals("m-3", page.items().get(0).message().providerMessageId());
        assertEquals(message("api", "m-3"), one.message());
        assertTrue(store.find("no-such-id").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentDeliveriesOfOneMessageStoreOneRow(String kind) throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.of(kind));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Acceptance>> deliveries = IntStream.range(0, 5)
                    .<Callable<Acceptance>>mapToObj(i -> () -> store.insert(List.of(message("api", "same"))).get(0)).toList();
            List<String> ids = pool.invokeAll(deliveries).stream().map(JdbcInboxStoreTest::get).map(Acceptance::interactionId).distinct().toList();

            assertEquals(1, ids.size());
            assertEquals(1, store.list(null, 0, 10).total());
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void pendingMessagesAreListedOldestFirstUntilMarkedProcessedOnce(String kind) throws Exception {
        var database = TestDatabases.of(kind);
        JdbcInboxStore store = new JdbcInboxStore(database);
        String first = store.insert(List.of(message("api", "p-1"))).get(0).interactionId();
        store.insert(List.of(message("api", "p-2")));

        assertEquals(List.of("p-1", "p-2"), store.pending(10).stream().map(i -> i.message().providerMessageId()).toList());
        try (var connection = database.dataSource().getConnection()) {
            assertTrue(store.markProcessed(connection, List.of(new InboxStore.Processed(first, "customer-1", "conversation-1"))));
            assertFalse(store.markProcessed(connection, List.of(new InboxStore.Processed(first, "customer-2", "conversation-2"))),
                    "a message is processed once");
        }
        assertEquals(List.of("p-2"), store.pending(10).stream().map(i -> i.message().providerMessageId()).toList());
    }

    private static Acceptance get(Future<Acceptance> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
