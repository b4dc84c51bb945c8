package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.store.Database;
import org.seamline.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox messages through their channel adapters, each channel instance on a lane (thread) of its own, so
 * an instance that hangs or keeps failing delays no other. Per conversation replies go in order: the outbox hands
 * out only the oldest queued reply of each conversation. The outbox, not the plugin, owns retries: a transient
 * failure (or a channel being redeployed) is retried with exponential backoff and jitter, never sooner than a
 * provider's retry-after; after {@link #MAX_ATTEMPTS}, or at once on a refusal, the message is FAILED with its
 * reason: the dead letter, never a silent drop. A crash between send and record sends again on restart; the
 * idempotency key lets the receiver drop the repeat.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final int MAX_ATTEMPTS = 8;
    /** The first retry's wait unless configured otherwise; each further one doubles it. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** A provider's retry-after is honoured up to this; a longer one would only park the reply beyond any use. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final int BATCH = 200;
    /** Due messages taken per channel instance at a time: bounds what a hanging instance's lane holds. */
    static final int PER_INSTANCE = 20;
    private static final long IDLE_LANE_SECONDS = 60;

    private final Database database;
    private final ChannelAdapters adapters;
    private final EventPublisher events;
    private final DeliveryStatuses statuses = new DeliveryStatuses();
    private final OutboxStore outbox = new OutboxStore();
    private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
    /** Messages handed to a lane and not yet recorded: still due in the outbox, so not to be handed out again. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Duration firstBackoff;

    Dispatcher(Database database, ChannelAdapters adapters, EventPublisher events, Duration firstBackoff) {
        this.firstBackoff = firstBackoff;
        this.database = database;
        this.adapters = adapters;
        this.events = events;
    }

    /** Hands what is due to the lanes of its channel instances; answers how many sends were started. */
    int dispatchDue() throws SQLException {
        List<OutboxStore.Row> due;
        try (Connection c = database.dataSource().getConnection()) {
            due = outbox.due(c, PER_INSTANCE, BATCH);
        }
        int started = 0;
        for (OutboxStore.Row row : due) {
            if (inFlight.add(row.id())) {
                lane(row).execute(() -> attemptOnce(row));
                started++;
            }
        }
        return started;
    }

    /** Sends started and not yet recorded. */
    int inFlight() {
        return inFlight.size();
    }

    /** Stops the lanes; a send cut off stays queued and goes out again on the next start. */
    void stop() {
        lanes.values().forEach(ExecutorService::shutdownNow);
        lanes.clear();
    }

    private ExecutorService lane(OutboxStore.Row row) {
        String name = row.message().channel() + "/" + row.message().instance();
        return lanes.computeIfAbsent(name, key -> {
            // One thread per instance, ended when idle; its queue is bounded by PER_INSTANCE per dispatch round.
            ThreadPoolExecutor lane = new ThreadPoolExecutor(1, 1, IDLE_LANE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    runnable -> {
                        Thread thread = new Thread(runnable, "seamline-outbox-" + key);
                        thread.setDaemon(true);
                        return thread;
                    });
            lane.allowCoreThreadTimeOut(true);
            return lane;
        });
    }

    private void attemptOnce(OutboxStore.Row row) {
        try {
            attempt(row);
        } catch (SQLException | RuntimeException e) {
            // Not recorded: the message stays due and is attempted again.
            LOG.warn("Outcome of outbound message {} not recorded: {}", row.id(), StoreFailures.describe(e));
        } finally {
            inFlight.remove(row.id());
        }
    }

    private void attempt(OutboxStore.Row row) throws SQLException {
        int attempts = row.attempts() + 1;
        Optional<ChannelAdapter> adapter = adapters.adapter(row.message().channel(), row.message().instance());
        if (adapter.isEmpty()) {
            retryOrFail(row, attempts, "channel " + row.message().channel() + "/" + row.message().instance() + " is not deployed",
                    Optional.empty());
            return;
        }
        SendResult result;
        try {
            result = adapter.get().send(row.message());
        } catch (SendException e) {
            if (e.isRetryable()) {
                retryOrFail(row, attempts, e.getMessage(), e.retryAfter());
            } else {
                LOG.warn("Outbound message {} refused by {}: {}", row.id(), row.message().channel(), e.getMessage());
                record(row, DeliveryStatus.FAILED, attempts, Instant.now(), e.getMessage(), null);
            }
            return;
        } catch (RuntimeException e) {
            retryOrFail(row, attempts, e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty());
            return;
        }
        record(row, result.status(), attempts, Instant.now(), null, result.providerMessageId());
    }

    private void retryOrFail(OutboxStore.Row row, int attempts, String error, Optional<Duration> retryAfter) throws SQLException {
        if (attempts >= MAX_ATTEMPTS) {
            LOG.error("Outbound message {} failed after {} attempts: {}", row.id(), attempts, error);
            record(row, DeliveryStatus.FAILED, attempts, Instant.now(), error, null);
        } else {
            record(row, DeliveryStatus.QUEUED, attempts, Instant.now().plus(delay(firstBackoff, attempts, retryAfter)), error, null);
        }
    }

    /** The wait before the next attempt: the backoff, or the provider's retry-after (capped) when that is longer. */
    static Duration delay(Duration first, int attempts, Optional<Duration> retryAfter) {
        Duration backoff = backoff(first, attempts);
        return retryAfter.map(asked -> asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked)
                .filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
    }

    static Duration backoff(Duration first, int attempts) {
        long base = first.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void record(OutboxStore.Row row, DeliveryStatus status, int attempts, Instant next, String error, String providerId)
            throws SQLException {
        events.inTransaction(database, (c, changes) -> {
            statuses.record(c, row, status, attempts, next, error, providerId, changes);
            return null;
        });
    }
}
