package org.seamline.core.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.health.Health;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.core.intake.SenderCheck;
import org.seamline.store.Database;
import org.seamline.store.internal.JdbcInboxStore;
import org.seamline.store.internal.TestDatabases;

/** Group commit against a real embedded store. */
class GroupCommitIngressTest {

    private static final SenderCheck ANY_SENDER = sender -> { };

    private GroupCommitIngress ingress;

    private static IngressConfiguration config(int maxBatch, int capacity) {
        return new IngressConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IngressConfiguration.class;
            }

            @Override
            public int maxBatch() {
                return maxBatch;
            }

            @Override
            public int queueCapacity() {
                return capacity;
            }

            @Override
            public long commitTimeoutMillis() {
                return 5_000;
            }
        };
    }

    private static InboundMessage message(String id) {
        return new InboundMessage("api", "shop", id, Party.of(null, new Identifier("userId", "u")), "hi", null, null, null, null);
    }

    @AfterEach
    void stop() throws Exception {
        if (ingress != null) {
            ingress.stop();
        }
    }

    @Test
    void concurrentWebhooksAreCommittedInBatchesEachAnsweredWithItsOwnResult() throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.h2());
        ingress = new GroupCommitIngress(store, ANY_SENDER, config(64, 10_000));
        ExecutorService webhooks = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Acceptance>> calls = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String id = "m-" + (i % 1_500);
                calls.add(() -> ingress.accept(message(id)));
            }
            Set<String> ids = new HashSet<>();
            int duplicates = 0;
            for (Future<Acceptance> answer : webhooks.invokeAll(calls)) {
                ids.add(answer.get().interactionId());
                duplicates += answer.get().duplicate() ? 1 : 0;
            }

            assertEquals(1_500, ids.size());
            assertEquals(500, duplicates);
            assertEquals(1_500, store.list(null, 0, 1).total());
        } finally {
            webhooks.shutdownNow();
        }
    }

    @Test
    void aStoreFailureIsReportedAsUnavailableNotAsSuccess() throws Exception {
        Database database = TestDatabases.h2();
        ingress = new GroupCommitIngress(new JdbcInboxStore(database), ANY_SENDER, config(16, 100));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE inbox_message");
        }

        assertThrows(IngressUnavailableException.class, () -> ingress.accept(message("lost")));
        assertEquals(Health.State.DEGRADED, ingress.health().state());
    }

    @Test
    void aMessageTooLargeForTheInboxIsRefusedBeforeItIsQueued() throws Exception {
        ingress = new GroupCommitIngress(new JdbcInboxStore(TestDatabases.h2()), ANY_SENDER, config(16, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ingress.accept(message("x".repeat(600))));
        assertTrue(e.getMessage().contains("provider message id"));
        assertEquals(Health.State.UP, ingress.health().state());
    }

    @Test
    void aSenderTheContextCannotRecogniseIsRefusedAndNothingIsStored() throws Exception {
        JdbcInboxStore store = new JdbcInboxStore(TestDatabases.h2());
        ingress = new GroupCommitIngress(store, sender -> {
            throw new IllegalArgumentException("the sender has no usable identifier");
        }, config(16, 100));

        assertThrows(IllegalArgumentException.class, () -> ingress.accept(message("anonymous")));
        assertEquals(0, store.list(null, 0, 1).total());
    }
}
