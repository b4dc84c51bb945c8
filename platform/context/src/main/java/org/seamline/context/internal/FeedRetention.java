package org.seamline.context.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.seamline.store.Database;

/**
 * Keeps the change feed from growing without end: changes older than the retention are deleted, in batches so no
 * transaction holds many rows. Readers are not consulted: one that never comes back must not keep the feed forever.
 */
final class FeedRetention {

    static final int BATCH = 5_000;

    private final Database database;
    private final FeedStore feed = new FeedStore();
    private final Duration keep;
    private final Clock clock;

    /** {@code keep} zero or negative keeps every change. */
    FeedRetention(Database database, Duration keep, Clock clock) {
        this.database = database;
        this.keep = keep;
        this.clock = clock;
    }

    /** Deletes what is older than the retention; answers how many changes went. */
    int prune() throws SQLException {
        if (keep.isZero() || keep.isNegative()) {
            return 0;
        }
        Instant before = clock.instant().minus(keep);
        int total = 0;
        int deleted;
        do {
            deleted = database.inTransaction(c -> feed.prune(c, before, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
