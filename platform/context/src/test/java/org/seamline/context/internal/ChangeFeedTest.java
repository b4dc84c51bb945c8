package org.seamline.context.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.feed.Change;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ContextEvents;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationStatus;
import org.seamline.store.Database;

/** The change feed: written with the change it reports, readable in commit order; on a real H2 and PostgreSQL. */
class ChangeFeedTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static final Party ANNA = new Party("Anna", List.of(new Identifier("email", "anna@example.com")));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anInboundMessageRecordsTheCustomerTheConversationAndTheMessageInOrder(String kind) throws Exception {
        TestContext context = new TestContext(kind);
        String interaction = receive(context, "m-1");

        List<Change> changes = context.feed.after(0, 100);

        assertEquals(List.of(Change.CUSTOMER_CREATED, Change.CONVERSATION_OPENED, Change.MESSAGE_RECEIVED),
                changes.stream().map(Change::type).toList());
        assertEquals(List.of(1L, 2L, 3L), changes.stream().map(Change::position).toList());
        String customer = context.directory.findByIdentifier("email", "anna@example.com").orElseThrow().id();
        Change received = changes.get(2);
        assertEquals(customer, received.customerId());
        assertEquals(changes.get(1).conversationId(), received.conversationId());
        assertEquals(interaction, received.messageId());
        assertEquals("api", received.channel());
        assertEquals("main", received.instance());
        assertEquals(3, context.feed.head());
        assertEquals(List.of(ContextEvents.CUSTOMER_CREATED, ContextEvents.CONVERSATION_OPENED, ContextEvents.MESSAGE_RECEIVED),
                context.events.topics(), "the events after commit say the same");

        context.conversations.change(received.conversationId(), new ConversationChange(ConversationStatus.RESOLVED, null, null),
                "agent-1");
        Change resolved = context.feed.after(3, 100).get(0);
        assertEquals(Change.CONVERSATION_CHANGED, resolved.type());
        assertEquals("RESOLVED", resolved.status());
        assertEquals("agent-1", resolved.actor());
        assertEquals(List.of(resolved), context.feed.after(3, 1));

        assertTrue(context.conversations.note(received.conversationId(), "called back, all fine", "agent-1"));
        Change noted = context.feed.after(4, 100).get(0);
        assertEquals(Change.NOTE_ADDED, noted.type());
        assertEquals(customer, noted.customerId());
        assertEquals("agent-1", noted.actor());
        assertEquals("agent-1: called back, all fine", context.conversations.entry(noted.messageId()).orElseThrow().text(),
                "the change names the note, so a reader can fetch it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTransactionThatRollsBackLeavesNothingInTheFeed(String kind) throws Exception {
        TestContext context = new TestContext(kind);

        assertThrows(IllegalStateException.class, () -> context.publisher.inTransaction(context.database, (c, changes) -> {
            changes.add(ContextEvents.CUSTOMER_CHANGED, ContextEvents.CUSTOMER_ID, "c-1");
            throw new IllegalStateException("the change failed");
        }));
        assertEquals(List.of(), context.feed.after(0, 100));
        assertEquals(0, context.feed.head());
        assertEquals(List.of(), context.events.topics(), "and nothing was announced");

        // Three messages processed together; the store refuses the second (a name longer than it holds), which undoes
        // the group's transaction, and processing goes on one message at a time: only what committed is in the feed.
        context.inbox.insert(List.of(message("m-1", "Anna", "anna"), message("m-2", "x".repeat(600), "long-name"),
                message("m-3", "Boris", "boris")));
        String refused = context.inbox.pending(3).get(1).id();
        assertEquals(3, context.pending().processPending());
        assertEquals(1, context.inbox.setAside(10).size());

        List<Change> changes = context.feed.after(0, 100);
        assertEquals(List.of(Change.CUSTOMER_CREATED, Change.CONVERSATION_OPENED, Change.MESSAGE_RECEIVED,
                Change.CUSTOMER_CREATED, Change.CONVERSATION_OPENED, Change.MESSAGE_RECEIVED),
                changes.stream().map(Change::type).toList(), "Anna's and Boris's, once each");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), changes.stream().map(Change::position).toList(), "and no gap");
        assertTrue(changes.stream().noneMatch(change -> refused.equals(change.messageId())));
        assertEquals(6, context.events.topics().size(), "the events say the same");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void changesOlderThanTheRetentionAreDeletedAndPositionsGoOn(String kind) throws Exception {
        TestContext context = new TestContext(kind);
        receive(context, "m-1");
        receive(context, "m-2");
        try (Connection c = context.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE change_feed SET changed_at = changed_at - INTERVAL '40' DAY WHERE position <= 2");
        }
        java.time.Clock clock = java.time.Clock.systemUTC();

        assertEquals(0, new FeedRetention(context.database, Duration.ZERO, clock).prune(), "0 keeps every change");
        assertEquals(2, new FeedRetention(context.database, Duration.ofDays(30), clock).prune());

        List<Change> kept = context.feed.after(0, 100);
        assertEquals(List.of(3L, 4L), kept.stream().map(Change::position).toList(),
                "a reader from the start gets what is kept, in order");
        assertEquals(4, context.feed.head(), "the head stays");
        receive(context, "m-3");
        assertEquals(5L, context.feed.after(4, 100).get(0).position(), "and positions go on after it");
        assertEquals(0, new FeedRetention(context.database, Duration.ofDays(30), clock).prune(), "nothing else is old");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aReaderPositionOnlyMovesForward(String kind) throws Exception {
        TestContext context = new TestContext(kind);

        assertEquals(0, context.feed.position("crm.hubspot/main"));
        context.feed.commit("crm.hubspot/main", 5);
        assertEquals(5, context.feed.position("crm.hubspot/main"));
        context.feed.commit("crm.hubspot/main", 3);
        assertEquals(5, context.feed.position("crm.hubspot/main"), "a late retry with a lower position is ignored");
        context.feed.commit("crm.hubspot/main", 7);
        assertEquals(7, context.feed.position("crm.hubspot/main"));
        assertEquals(0, context.feed.position("other"), "readers are independent");

        assertThrows(IllegalArgumentException.class, () -> context.feed.commit("bad reader", 1));
        assertThrows(IllegalArgumentException.class, () -> context.feed.commit("r", -1));
        assertThrows(IllegalArgumentException.class, () -> context.feed.after(0, 0));
        assertThrows(IllegalArgumentException.class, () -> context.feed.after(0, ChangeFeedService.MAX_LIMIT + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void readersCommittingAtOnceKeepTheHighestPosition(String kind) throws Exception {
        TestContext context = new TestContext(kind);
        List<CompletableFuture<Void>> commits = new ArrayList<>();
        for (long position = 1; position <= 8; position++) {
            long mine = position;
            commits.add(CompletableFuture.runAsync(() -> {
                try {
                    context.feed.commit("crm.x/main", mine); // the first commits race to create the reader's row
                } catch (IngressUnavailableException e) {
                    throw new IllegalStateException(e);
                }
            }, threads));
        }
        CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertEquals(8, context.feed.position("crm.x/main"));
    }

    /**
     * Writer A has appended and not committed; writer B must not commit a higher position meanwhile, or a reader
     * would see B, move past A's position, and never see A.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLaterWriterWaitsForAnEarlierOneSoNoReaderSkipsAChange(String kind) throws Exception {
        TestContext context = new TestContext(kind);
        EventPublisher.Pending first = new EventPublisher.Pending();
        first.add(ContextEvents.CUSTOMER_CHANGED, ContextEvents.CUSTOMER_ID, "c-a");

        CompletableFuture<Void> later;
        try (Connection a = context.database.dataSource().getConnection()) {
            a.setAutoCommit(false);
            new FeedStore().append(a, first.events());

            later = CompletableFuture.runAsync(() -> {
                try {
                    context.publisher.inTransaction(context.database, (c, changes) -> {
                        changes.add(ContextEvents.CUSTOMER_CHANGED, ContextEvents.CUSTOMER_ID, "c-b");
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock(context.database));

            assertEquals(List.of(), context.feed.after(0, 100), "nothing committed yet, nothing to see");
            assertEquals(0, context.feed.head());
            a.commit();
        }
        later.get(10, TimeUnit.SECONDS);

        List<Change> changes = context.feed.after(0, 100);
        assertEquals(List.of(1L, 2L), changes.stream().map(Change::position).toList());
        assertEquals(List.of("c-a", "c-b"), changes.stream().map(Change::customerId).toList());
    }

    /** Whether a session of the database waits for a lock another one holds. */
    private static boolean waitingForALock(Database database) throws Exception {
        String sql = database.dialect() == Database.Dialect.POSTGRESQL
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1) > 0;
        }
    }

    private static InboundMessage message(String id, String name, String userId) {
        return new InboundMessage("api", "main", id, new Party(name, List.of(new Identifier("userId", userId))), "text " + id,
                null, null, null, null);
    }

    /** Receives and processes one message from Anna; answers its interaction id. */
    private static String receive(TestContext context, String id) throws Exception {
        context.inbox.insert(List.of(new InboundMessage("api", "main", id, ANNA, "text " + id, null, null, null, null)));
        String interaction = context.inbox.pending(1).get(0).id();
        context.pending().processPending();
        assertTrue(context.inbox.pending(1).isEmpty(), "processed");
        return interaction;
    }
}
