package org.seamline.context.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.ingress.DeliveryReports;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.DeliveryUpdate;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.OutboundMessage;
import org.seamline.context.ContextEvents;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationStatus;
import org.seamline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DeliveryReports}: a provider's report merged into the outbox and the timeline in one transaction. An
 * UNDELIVERED report marks the addresses the message went to as undeliverable. A flag sets the message's conversation
 * open with the reason on its timeline.
 */
@Component(service = DeliveryReports.class)
public class DeliveryReportsService implements DeliveryReports {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReportsService.class);

    /** As customer consents' evidence: enough to say why, bounded. */
    private static final int MAX_REASON = 1000;

    private final Database database;
    private final EventPublisher events;
    private final OutboxStore outbox = new OutboxStore();
    private final CustomerStore customers = new CustomerStore();
    private final ConversationStore conversations = new ConversationStore();
    private final TimelineStore timeline = new TimelineStore();
    private final DeliveryStatuses statuses = new DeliveryStatuses();

    @Activate
    public DeliveryReportsService(@Reference Database database, @Reference EventPublisher events) {
        this.database = database;
        this.events = events;
    }

    @Override
    public boolean flag(String messageId, String reason) throws IngressUnavailableException {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("a flag needs a reason of 1-" + MAX_REASON + " characters");
        }
        String why = reason.strip();
        try {
            return events.inTransaction(database, (c, changes) -> {
                Optional<OutboxStore.Row> row = outbox.locked(c, messageId);
                if (row.isEmpty()) {
                    return false;
                }
                OutboundMessage message = row.get().message();
                if (timeline.isFlagged(c, message, why)) {
                    return true;
                }
                String actor = message.channel() + "/" + message.instance();
                timeline.flagged(c, row.get().customerId(), message, why);
                Conversation before = conversations.change(c, row.get().conversationId(),
                        new ConversationChange(ConversationStatus.OPEN, null, Map.of())).orElseThrow();
                if (before.status() != ConversationStatus.OPEN) {
                    timeline.statusChanged(c, before.customerId(), before.id(), before.status(), ConversationStatus.OPEN, actor);
                    changes.add(ContextEvents.CONVERSATION_CHANGED, ContextEvents.CUSTOMER_ID, before.customerId(),
                            ContextEvents.CONVERSATION_ID, before.id(), ContextEvents.STATUS, ConversationStatus.OPEN.name(),
                            ContextEvents.ACTOR, actor);
                }
                return true;
            });
        } catch (SQLException e) {
            throw new IngressUnavailableException("the flag was not stored", e);
        }
    }

    @Override
    public boolean report(DeliveryUpdate update) throws IngressUnavailableException {
        try {
            boolean recorded = events.inTransaction(database, (c, changes) -> {
                Optional<OutboxStore.Row> row = outbox.locked(c, update.messageId());
                if (row.isEmpty()) {
                    return false;
                }
                statuses.record(c, row.get(), update.status(), null, null, update.detail(), update.providerMessageId(),
                        changes);
                if (update.status() == DeliveryStatus.UNDELIVERED) {
                    // The provider says the address cannot receive: later replies skip it.
                    for (Identifier address : row.get().message().to().identifiers()) {
                        customers.markUndeliverable(c, address, update.detail() == null ? "undelivered" : update.detail());
                    }
                }
                return true;
            });
            if (!recorded) {
                LOG.info("Delivery report for unknown message {} ignored", update.messageId());
            }
            return recorded;
        } catch (SQLException e) {
            throw new IngressUnavailableException("the delivery report was not stored", e);
        }
    }
}
