package org.seamline.crm.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.feed.Change;
import org.seamline.crm.sync.internal.TaskStore.Kind;
import org.seamline.crm.sync.internal.TaskStore.Task;

class TaskStoreTest {

    private static final String BITRIX = "bitrix24/main";
    private TaskStore store;

    @BeforeEach
    void setUp() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
             var script = TaskStoreTest.class.getResourceAsStream("/org/seamline/crm/sync/migration/V1__crm_sync.sql")) {
            for (String statement : new String(script.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
                String sql = statement.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
        }
        store = new TaskStore(h2);
    }

    @Test
    void aMessagePlannedTwiceIsLoggedOnceEvenAfterItWasDone() throws Exception {
        Planner planner = new Planner(store, () -> List.of(BITRIX, "jdbc/erp"));
        planner.plan(change(Change.MESSAGE_RECEIVED, "cust-1", "msg-1", null, null));
        planner.plan(change(Change.MESSAGE_RECEIVED, "cust-1", "msg-1", null, null));

        List<Task> due = store.claimDue(BITRIX, 10);
        assertEquals(1, due.size());
        store.finish(due.get(0).id(), TaskStore.DONE, "activity-9");
        planner.plan(change(Change.MESSAGE_RECEIVED, "cust-1", "msg-1", null, null));

        assertEquals(List.of(), store.claimDue(BITRIX, 10), "a logged message is never planned again");
        assertEquals(1, store.claimDue("jdbc/erp", 10).size(), "every enabled connector gets its own task");
    }

    @Test
    void aChangedCustomerIsLookedUpAgainButOurOwnEnrichmentIsNot() throws Exception {
        Planner planner = new Planner(store, () -> List.of(BITRIX));
        planner.plan(change(Change.CUSTOMER_CREATED, "cust-1", null, null, "system"));
        store.finish(store.claimDue(BITRIX, 10).get(0).id(), TaskStore.DONE, "42");

        planner.plan(change(Change.CUSTOMER_CHANGED, "cust-1", null, null, "crm:bitrix24/main"));
        assertEquals(List.of(), store.claimDue(BITRIX, 10));
        planner.plan(change(Change.CUSTOMER_CHANGED, "cust-1", null, null, "agnes"));
        assertEquals(1, store.claimDue(BITRIX, 10).size());
    }

    @Test
    void aReplyIsLoggedOnlyOnceItLeft() throws Exception {
        Planner planner = new Planner(store, () -> List.of(BITRIX));
        planner.plan(change(Change.MESSAGE_QUEUED, "cust-1", "out-1", null, "agnes"));
        planner.plan(change(Change.MESSAGE_STATUS, "cust-1", "out-1", "FAILED", null));
        assertEquals(List.of(), store.claimDue(BITRIX, 10));
        planner.plan(change(Change.MESSAGE_STATUS, "cust-1", "out-1", "SENT", null));
        planner.plan(change(Change.MESSAGE_STATUS, "cust-1", "out-1", "DELIVERED", null));
        assertEquals(1, store.claimDue(BITRIX, 10).size());
    }

    @Test
    void twoNodesClaimingAtOnceNeverShareATask() throws Exception {
        store.inTransaction(c -> {
            for (int i = 0; i < 60; i++) {
                store.plan(c, BITRIX, Kind.LOG, "msg-" + i, "cust-1");
            }
        });
        CompletableFuture<List<Task>> one = CompletableFuture.supplyAsync(() -> claim(60));
        CompletableFuture<List<Task>> two = CompletableFuture.supplyAsync(() -> claim(60));
        List<Task> all = new ArrayList<>(one.get());
        all.addAll(two.get());
        Set<String> ids = new HashSet<>();
        all.forEach(task -> ids.add(task.id()));
        assertEquals(60, all.size());
        assertEquals(60, ids.size(), "each task went to exactly one node");
    }

    @Test
    void aTaskThatKeepsFailingBecomesADeadLetterThatCanBeRetriedOrDiscarded() throws Exception {
        store.inTransaction(c -> store.plan(c, BITRIX, Kind.LOG, "msg-1", "cust-1"));
        Task task = store.claimDue(BITRIX, 1).get(0);
        store.later(task, Instant.now().minusSeconds(1), "TRANSIENT: 503", true);
        Task again = store.claimDue(BITRIX, 1).get(0);
        assertEquals(1, again.attempts());
        store.fail(again.id(), "VALIDATION: bad phone");

        assertEquals(1, store.failed(0, 10).total());
        assertEquals("VALIDATION: bad phone", store.failed(0, 10).items().get(0).lastError());
        assertTrue(store.settle(again.id(), TaskStore.DUE));
        assertFalse(store.settle(again.id(), TaskStore.DISCARDED), "only a failed task is settled");
        assertEquals(0, store.claimDue(BITRIX, 1).get(0).attempts(), "fresh attempts");
    }

    @Test
    void anErasedCustomerLeavesNoLinkAndNoWork() throws Exception {
        Planner planner = new Planner(store, () -> List.of(BITRIX));
        planner.plan(change(Change.MESSAGE_RECEIVED, "cust-1", "msg-1", null, null));
        store.link(BITRIX, "cust-1", "42");

        planner.plan(change(Change.CUSTOMER_ERASED, "cust-1", null, null, "admin"));

        assertTrue(store.contactOf(BITRIX, "cust-1").isEmpty());
        assertEquals(List.of(), store.claimDue(BITRIX, 10));
    }

    private List<Task> claim(int limit) {
        try {
            return store.claimDue(BITRIX, limit);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Change change(String type, String customerId, String messageId, String status, String actor) {
        return new Change(1, type, Instant.now(), customerId, null, messageId, null, "whatsapp", "main", status, actor);
    }
}
