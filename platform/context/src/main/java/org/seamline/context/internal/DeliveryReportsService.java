package org.seamline.context.internal;

import java.sql.SQLException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.ingress.DeliveryReports;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.DeliveryUpdate;
import org.seamline.api.message.Identifier;
import org.seamline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DeliveryReports}: a provider's report merged into the outbox and the timeline in one transaction. An
 * UNDELIVERED report marks the addresses the message went to as undeliverable.
 */
@Component(service = DeliveryReports.class)
public class DeliveryReportsService implements DeliveryReports {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReportsService.class);

    private final Database database;
    private final OutboxStore outbox = new OutboxStore();
    private final CustomerStore customers = new CustomerStore();
    private final DeliveryStatuses statuses;

    @Activate
    public DeliveryReportsService(@Reference Database database, @Reference EventPublisher events) {
        this.database = database;
        this.statuses = new DeliveryStatuses(events);
    }

    @Override
    public boolean report(DeliveryUpdate update) throws IngressUnavailableException {
        try {
            Optional<DeliveryStatuses.Recorded> recorded = database.inTransaction(c -> {
                Optional<OutboxStore.Row> row = outbox.locked(c, update.messageId());
                if (row.isEmpty()) {
                    return Optional.<DeliveryStatuses.Recorded>empty();
                }
                DeliveryStatuses.Recorded outcome = statuses.record(c, row.get(), update.status(), null, null,
                        update.detail(), update.providerMessageId());
                if (update.status() == DeliveryStatus.UNDELIVERED) {
                    // The provider says the address cannot receive: later replies skip it.
                    for (Identifier address : row.get().message().to().identifiers()) {
                        customers.markUndeliverable(c, address, update.detail() == null ? "undelivered" : update.detail());
                    }
                }
                return Optional.of(outcome);
            });
            recorded.ifPresentOrElse(statuses::announce,
                    () -> LOG.info("Delivery report for unknown message {} ignored", update.messageId()));
            return recorded.isPresent();
        } catch (SQLException e) {
            throw new IngressUnavailableException("the delivery report was not stored", e);
        }
    }
}
