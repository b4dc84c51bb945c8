package org.seamline.crm.sync.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import org.seamline.api.feed.Change;
import org.seamline.crm.sync.internal.TaskStore.Kind;

/**
 * Turns the customer context's changes into CRM work for every connector enabled now: a new, changed or merged
 * customer is looked up, each message in, each reply that went out and each agent's note is logged, an erased
 * customer is forgotten.
 */
final class Planner {

    /** A reply is logged once it left; a queued reply may still fail. */
    private static final Set<String> SENT = Set.of("SENT", "DELIVERED", "READ");

    private final TaskStore store;
    private final Supplier<Collection<String>> connectors;

    Planner(TaskStore store, Supplier<Collection<String>> connectors) {
        this.store = store;
        this.connectors = connectors;
    }

    void plan(Change change) throws SQLException {
        if (Change.CUSTOMER_ERASED.equals(change.type())) {
            store.inTransaction(c -> store.forget(c, change.customerId()));
            return;
        }
        Kind kind;
        String subject;
        switch (change.type()) {
            case Change.CUSTOMER_CREATED, Change.CUSTOMER_MERGED -> {
                kind = Kind.LOOKUP;
                subject = change.customerId();
            }
            case Change.CUSTOMER_CHANGED -> {
                if (change.actor() != null && change.actor().startsWith("crm:")) {
                    return; // our own enrichment: looking the customer up again would only find the same
                }
                kind = Kind.LOOKUP;
                subject = change.customerId();
            }
            case Change.MESSAGE_RECEIVED, Change.NOTE_ADDED -> {
                kind = Kind.LOG;
                subject = change.messageId();
            }
            case Change.MESSAGE_STATUS -> {
                if (!SENT.contains(change.status())) {
                    return;
                }
                kind = Kind.LOG;
                subject = change.messageId();
            }
            default -> {
                return;
            }
        }
        if (subject == null) {
            return;
        }
        Collection<String> enabled = connectors.get();
        if (enabled.isEmpty()) {
            return;
        }
        store.inTransaction(c -> {
            for (String connector : enabled) {
                store.plan(c, connector, kind, subject, change.customerId());
            }
        });
    }
}
