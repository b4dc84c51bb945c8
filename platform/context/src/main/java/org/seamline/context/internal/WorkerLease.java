package org.seamline.context.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.seamline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node processes the inbox and sends replies when several share one database: the one holding the lease.
 * Each customer's messages must be processed in order, so one node works at a time and the others stand by. The
 * lease runs on database time (nodes' clocks need not agree) and is renewed when half of it is left; a node that
 * stops renewing (crashed, cut off) loses it when it runs out, and a standby takes over.
 */
final class WorkerLease {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerLease.class);
    /** How often a standby asks whether the lease is free. */
    private static final Duration STANDBY_ASK = Duration.ofSeconds(1);

    private final Database database;
    private final String node;
    private final Duration length;
    private final String take;
    private long nextAskNanos = System.nanoTime();
    private boolean held;
    private boolean asked;

    WorkerLease(Database database, String node, Duration length) {
        this.database = database;
        this.node = node;
        this.length = length;
        this.take = "UPDATE worker_lease SET owner = ?, expires_at = CURRENT_TIMESTAMP + INTERVAL '" + length.toSeconds()
                + "' SECOND WHERE id = 1 AND (owner = ? OR owner IS NULL OR expires_at < CURRENT_TIMESTAMP)";
    }

    /** Whether this node may work now: it holds the lease, renewing or taking it when due. */
    synchronized boolean hold() {
        if (System.nanoTime() - nextAskNanos < 0) {
            return held;
        }
        long askedAt = System.nanoTime();
        boolean now;
        try {
            now = database.inTransaction(c -> {
                try (PreparedStatement update = c.prepareStatement(take)) {
                    update.setString(1, node);
                    update.setString(2, node);
                    return update.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            LOG.warn("Worker lease not renewed: {}", e.getMessage());
            now = false; // without the database nobody can work anyway; ask again next time
        }
        if (now != held) {
            LOG.info(now ? "Node {} took the worker lease: it processes the inbox and sends replies"
                    : "Node {} stands by: another node holds the worker lease", node);
        }
        held = now;
        asked = true;
        nextAskNanos = askedAt + (held ? length.toNanos() / 2 : STANDBY_ASK.toNanos());
        return held;
    }

    /** Gives the lease up at once, so a standby need not wait for it to run out. */
    synchronized void release() {
        if (!held) {
            return;
        }
        held = false;
        nextAskNanos = System.nanoTime();
        try {
            database.inTransaction(c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE worker_lease SET owner = NULL, expires_at = NULL WHERE id = 1 AND owner = ?")) {
                    update.setString(1, node);
                    return update.executeUpdate();
                }
            });
        } catch (SQLException e) {
            LOG.warn("Worker lease not released; it runs out by itself: {}", e.getMessage());
        }
    }

    synchronized boolean held() {
        return held;
    }

    /** Whether the database was asked yet: before that, this node is neither working nor standing by. */
    synchronized boolean asked() {
        return asked;
    }

    String node() {
        return node;
    }
}
