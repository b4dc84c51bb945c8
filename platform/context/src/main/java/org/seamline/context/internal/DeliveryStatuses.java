package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.context.ContextEvents;

/**
 * Records an outbound message's status, from the dispatcher's attempts and from providers' later reports alike:
 * merged by rank in the outbox, each status once on the timeline, and a {@code message.status} event when it moved.
 */
final class DeliveryStatuses {

    private final OutboxStore outbox = new OutboxStore();
    private final TimelineStore timeline = new TimelineStore();

    /** In the caller's transaction, reporting a status that moved to {@code changes}; {@code attempts} null for a provider's report. */
    void record(Connection c, OutboxStore.Row row, DeliveryStatus status, Integer attempts, Instant nextAttempt,
                          String detail, String providerMessageId, EventPublisher.Pending changes) throws SQLException {
        // Only a retry's or a failure's detail is an error; "delivered to handset" is not.
        String error = status == DeliveryStatus.QUEUED || status.isTerminal() ? detail : null;
        OutboxStore.StatusChange change = outbox.record(c, row.id(), status, attempts, nextAttempt, error, providerMessageId);
        if (change.moved()) {
            timeline.status(c, row.customerId(), row.message(), change.after(), detail);
            changes.add(ContextEvents.MESSAGE_STATUS, ContextEvents.CUSTOMER_ID, row.customerId(),
                    ContextEvents.CONVERSATION_ID, row.conversationId(), ContextEvents.MESSAGE_ID, row.id(),
                    ContextEvents.CHANNEL, row.message().channel(), ContextEvents.INSTANCE, row.message().instance(),
                    ContextEvents.STATUS, change.after().name());
        }
    }
}
