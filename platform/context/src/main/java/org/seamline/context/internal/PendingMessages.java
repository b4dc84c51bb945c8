package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.seamline.api.health.Health;
import org.seamline.store.Database;
import org.seamline.store.InboxStore;
import org.seamline.store.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the inbox, oldest first (so each customer's messages keep their order). Each message is resolved to
 * its customer, continues (or opens) the customer's conversation, is appended to the timeline and marked processed,
 * all in one transaction: a crash repeats at most the message in flight, and repeating it has no
 * second effect. A message that cannot be processed at all is set aside with its reason, so it never blocks the rest.
 */
final class PendingMessages {

    private static final Logger LOG = LoggerFactory.getLogger(PendingMessages.class);
    private static final int BATCH = 100;

    private final Database database;
    private final InboxStore inbox;
    private final IdentityResolver resolver;
    private final CustomerStore customers = new CustomerStore();
    private final ConversationStore conversations = new ConversationStore();
    private final TimelineStore timeline = new TimelineStore();
    private final AtomicLong processed = new AtomicLong();
    private volatile String lastError;

    PendingMessages(Database database, InboxStore inbox, IdentityResolver resolver) {
        this.database = database;
        this.inbox = inbox;
        this.resolver = resolver;
    }

    /** Processes what is pending now; answers how many messages were processed. */
    int processPending() {
        int done = 0;
        try {
            for (List<Interaction> batch = inbox.pending(BATCH); !batch.isEmpty(); batch = inbox.pending(BATCH)) {
                for (Interaction interaction : batch) {
                    process(interaction);
                    done++;
                }
            }
            lastError = null;
        } catch (SQLException e) {
            // Stop here and start again at the same message on the next run: order is kept, nothing skipped.
            lastError = "store: " + e.getClass().getSimpleName();
            LOG.warn("Inbox processing paused: {}", e.getMessage());
        }
        return done;
    }

    private void process(Interaction interaction) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                IdentityResolver.Resolution resolution = resolver.resolve(c, interaction.message(), interaction.id());
                String customerId = resolution.customerId();
                String conversationId = conversations.continueOrOpen(c, customers.members(c, customerId), customerId,
                        interaction.message().channel(), interaction.message().instance());
                timeline.inbound(c, customerId, conversationId, interaction.message(), interaction.id());
                if (inbox.markProcessed(c, interaction.id(), customerId)) {
                    c.commit();
                    processed.incrementAndGet();
                } else {
                    c.rollback();
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                LOG.error("Interaction {} cannot be processed and is set aside", interaction.id(), e);
                inbox.markFailed(interaction.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    Health health() {
        String error = lastError;
        String detail = "processed: " + processed.get();
        return error == null ? new Health(Health.State.UP, detail) : new Health(Health.State.DEGRADED, detail + ", " + error);
    }
}
