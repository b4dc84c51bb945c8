package org.seamline.crm.sync.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmException;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.crm.sync.internal.TaskStore.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through one connector's tasks. When the CRM asks to slow down or stops answering, the whole connector pauses
 * until the wait it named (or the backoff) is over, so a CRM that is down is not hammered by every waiting task: a
 * circuit breaker whose state is the pause. Each connector has its own worker, so one slow CRM delays no other, and
 * none delays intake or replies.
 */
final class ConnectorWorker {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorWorker.class);
    private static final Duration STORE_RETRY = Duration.ofSeconds(5);

    private final CrmConnector connector;
    private final String key;
    private final TaskRunner runner;
    private final TaskStore store;
    private final Backoff backoff;
    private final int maxAttempts;
    private volatile Instant pausedUntil;
    private volatile String lastPollError;

    ConnectorWorker(CrmConnector connector, TaskRunner runner, TaskStore store, Backoff backoff, int maxAttempts) {
        this.connector = connector;
        this.key = TaskRunner.key(connector);
        this.runner = runner;
        this.store = store;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    String key() {
        return key;
    }

    CrmConnector connector() {
        return connector;
    }

    /** Null when the connector is not paused. */
    Instant pausedUntil() {
        Instant until = pausedUntil;
        return until != null && until.isAfter(Instant.now()) ? until : null;
    }

    /** The due tasks this node now owns; none while paused. */
    List<Task> claim(int limit) throws SQLException {
        return pausedUntil() != null ? List.of() : store.claimDue(key, limit);
    }

    void execute(Task task) throws SQLException {
        Instant paused = pausedUntil();
        if (paused != null) {
            store.later(task, paused, null, false);
            return;
        }
        try {
            TaskRunner.Outcome outcome = runner.run(task);
            store.finish(task.id(), outcome.status(), outcome.result());
        } catch (CrmException e) {
            failed(task, e);
        } catch (IngressUnavailableException | SQLException e) {
            LOG.warn("CRM {}: the store is unavailable; task {} waits", key, task.id());
            store.later(task, Instant.now().plus(STORE_RETRY), "store unavailable", false);
        } catch (RuntimeException e) {
            // A connector bug: kept as its type only (a message could hold personal data), retried like any failure.
            failed(task, new CrmException(CrmException.Kind.UNKNOWN, e.getClass().getSimpleName() + " in the connector", e));
        }
    }

    private void failed(Task task, CrmException e) throws SQLException {
        String error = e.kind() + ": " + e.getMessage();
        // A CRM asking to slow down says nothing against the task: waiting costs it no attempt, so a long spell of
        // rate limiting delays the work but never turns it into dead letters.
        boolean slowDown = e.kind() == CrmException.Kind.RATE_LIMITED || e.kind() == CrmException.Kind.QUOTA_EXHAUSTED;
        if (!e.retryable() || !slowDown && task.attempts() + 1 >= maxAttempts) {
            LOG.warn("CRM {}: {} {} failed for good after {} attempts: {}", key, task.kind(), task.id(), task.attempts() + 1, error);
            store.fail(task.id(), error);
            return;
        }
        Duration wait = e.retryAfter().orElseGet(() -> backoff.after(task.attempts() + 1));
        Instant next = Instant.now().plus(wait);
        pausedUntil = next;
        LOG.info("CRM {}: {}; paused for {} ms", key, error, wait.toMillis());
        store.later(task, next, error, !slowDown);
    }

    /** Reads what changed in the CRM since the stored cursor and plans a refresh of each contact, cursor and plans together. */
    void poll(CrmChangePolling polling) throws SQLException {
        if (pausedUntil() != null) {
            return;
        }
        CrmChangePolling.Page page;
        try {
            page = polling.changesSince(store.cursor(key).orElse(null), 100);
        } catch (CrmException e) {
            String error = e.kind() + ": " + e.getMessage();
            if (!error.equals(lastPollError)) {
                LOG.warn("CRM {}: polling for changes failed: {}", key, error);
            }
            lastPollError = error;
            e.retryAfter().ifPresent(wait -> pausedUntil = Instant.now().plus(wait));
            return;
        }
        lastPollError = null;
        store.inTransaction(c -> {
            for (CrmChange change : page.changes()) {
                store.plan(c, key, TaskStore.Kind.REFRESH, change.contactId(), null);
            }
            if (page.cursor() != null) {
                store.saveCursor(c, key, page.cursor());
            }
        });
    }
}
