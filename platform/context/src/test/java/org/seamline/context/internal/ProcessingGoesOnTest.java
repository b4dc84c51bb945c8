package org.seamline.context.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.seamline.api.health.Health;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;

/** The inbox processor keeps going for everyone else, and stops when asked without working off the backlog first. */
class ProcessingGoesOnTest {

    private TestContext context;

    private void receive(String id, String userId) throws Exception {
        context.inbox.insert(List.of(message(id, userId)));
    }

    private static InboundMessage message(String id, String userId) {
        return new InboundMessage("api", "shop", id, Party.of(null, new Identifier("userId", userId)), "text " + id,
                null, null, null, null);
    }

    private long count(String sql) throws Exception {
        return context.database.read(c -> {
            try (PreparedStatement q = c.prepareStatement(sql); ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStoredMessageNobodyCanReadIsSetAsideAndTheOthersGoOn(String kind) throws Exception {
        context = new TestContext(kind);
        receive("m-1", "anna");
        receive("m-2", "boris");
        receive("m-3", "clara");
        context.database.inTransaction(c -> {
            try (PreparedStatement spoil = c.prepareStatement(
                    "UPDATE inbox_message SET payload = '{\"no\":\"message\"}' WHERE provider_message_id = 'm-2'")) {
                return spoil.executeUpdate();
            }
        });
        PendingMessages pending = context.pending();

        assertEquals(2, pending.processPending());

        assertTrue(context.inbox.pending(10).isEmpty(), "nothing blocks the inbox");
        assertEquals(2, context.directory.customers(0, 10).total());
        assertEquals(1, count("SELECT COUNT(*) FROM inbox_message WHERE processing_error LIKE '%not readable%'"),
                "the unreadable message is set aside with its reason");
        assertEquals(Health.State.UP, pending.health().state());
        var listed = context.inbox.setAside(10);
        assertEquals(1, listed.size(), "the dead-letter list shows it, and does not fail over it");
        assertTrue(listed.get(0).interaction().isEmpty());
        assertTrue(listed.get(0).reason().contains("not readable"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anUnexpectedFailurePausesProcessingVisiblyAndTheNextRunGoesOn(String kind) throws Exception {
        context = new TestContext(kind);
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            messages.add(message("m-" + i, "user-" + i));
        }
        context.inbox.insert(messages);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        EventAdmin failingOnce = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                if (failOnce.getAndSet(false)) {
                    throw new IllegalStateException("event delivery broke");
                }
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        PendingMessages pending = new PendingMessages(context.database, context.inbox, new IdentityResolver(
                new IdentifierNormalizer(""), new CustomerStore(), 20, Set.of("api")), ConversationStore.Continuity.CUSTOMER,
                Duration.ofDays(7), new EventPublisher(failingOnce), context.identities);

        pending.processPending();
        Health paused = pending.health();
        assertEquals(Health.State.DOWN, paused.state(), "a paused processor is not healthy: " + paused);
        assertTrue(paused.detail().contains("IllegalStateException"), paused.detail());
        assertFalse(context.inbox.pending(100).isEmpty());

        pending.processPending();
        assertTrue(context.inbox.pending(100).isEmpty(), "the next run goes on where the last stopped");
        assertEquals(60, context.directory.customers(0, 100).total());
        assertEquals(Health.State.UP, pending.health().state());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void stopEndsTheRunAfterItsBatchAndTheBacklogIsProcessedAfterARestart(String kind) throws Exception {
        context = new TestContext(kind);
        int backlog = 5000;
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            messages.add(message("m-" + i, "user-" + i % 50));
        }
        for (int from = 0; from < backlog; from += 500) {
            context.inbox.insert(messages.subList(from, from + 500));
        }
        PendingMessages running = context.pending();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(running::processPending);
        await().until(() -> count("SELECT COUNT(*) FROM inbox_message WHERE processed_at IS NOT NULL") > 0);

        running.stop();

        int processed = run.get(60, TimeUnit.SECONDS); // a guard only: the run ends after the batch in hand
        assertTrue(processed < backlog, "the backlog was left, not worked off: " + processed);
        assertEquals(processed, count("SELECT COUNT(*) FROM inbox_message WHERE processed_at IS NOT NULL"));
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_message WHERE processing_error IS NOT NULL"));

        PendingMessages restarted = context.pending();
        assertEquals(backlog - processed, restarted.processPending());
        assertTrue(context.inbox.pending(10).isEmpty());
        assertEquals(50, context.directory.customers(0, 100).total());
    }
}
