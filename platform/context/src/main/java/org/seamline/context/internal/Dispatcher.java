package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox messages through their channel adapters. A transient failure (or a channel being redeployed)
 * is retried with exponential backoff and jitter; after {@link #MAX_ATTEMPTS}, or on a refusal, the message is
 * FAILED with its reason: the dead letter, never a silent drop. A crash between send and record sends again on
 * restart; the idempotency key lets the receiver drop the repeat.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final int BATCH = 50;

    private final Database database;
    private final ChannelAdapters adapters;
    private final DeliveryStatuses statuses;
    private final OutboxStore outbox = new OutboxStore();

    Dispatcher(Database database, ChannelAdapters adapters, EventPublisher events) {
        this.database = database;
        this.adapters = adapters;
        this.statuses = new DeliveryStatuses(events);
    }

    /** Sends what is due; answers how many messages were attempted. */
    int dispatchDue() throws SQLException {
        List<OutboxStore.Row> due;
        try (Connection c = database.dataSource().getConnection()) {
            due = outbox.due(c, BATCH);
        }
        for (OutboxStore.Row row : due) {
            attempt(row);
        }
        return due.size();
    }

    private void attempt(OutboxStore.Row row) throws SQLException {
        int attempts = row.attempts() + 1;
        Optional<ChannelAdapter> adapter = adapters.adapter(row.message().channel(), row.message().instance());
        if (adapter.isEmpty()) {
            retryOrFail(row, attempts, "channel " + row.message().channel() + "/" + row.message().instance() + " is not deployed");
            return;
        }
        try {
            SendResult result = adapter.get().send(row.message());
            record(row, result.status(), attempts, Instant.now(), null, result.providerMessageId());
        } catch (SendException e) {
            if (e.isRetryable()) {
                retryOrFail(row, attempts, e.getMessage());
            } else {
                LOG.warn("Outbound message {} refused by {}: {}", row.id(), row.message().channel(), e.getMessage());
                record(row, DeliveryStatus.FAILED, attempts, Instant.now(), e.getMessage(), null);
            }
        } catch (RuntimeException e) {
            retryOrFail(row, attempts, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void retryOrFail(OutboxStore.Row row, int attempts, String error) throws SQLException {
        if (attempts >= MAX_ATTEMPTS) {
            LOG.error("Outbound message {} failed after {} attempts: {}", row.id(), attempts, error);
            record(row, DeliveryStatus.FAILED, attempts, Instant.now(), error, null);
        } else {
            record(row, DeliveryStatus.QUEUED, attempts, Instant.now().plus(backoff(attempts)), error, null);
        }
    }

    static Duration backoff(int attempts) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void record(OutboxStore.Row row, DeliveryStatus status, int attempts, Instant next, String error, String providerId)
            throws SQLException {
        statuses.announce(database.inTransaction(c -> statuses.record(c, row, status, attempts, next, error, providerId)));
    }
}
