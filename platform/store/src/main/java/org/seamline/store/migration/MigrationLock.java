package org.seamline.store.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Held while migrations run, so that only one runner at a time reads what was applied and applies what was not:
 * several nodes starting together on one PostgreSQL, or several plugins activating together in one node.
 *
 * <p>On PostgreSQL a session-level advisory lock ({@code pg_advisory_lock}) on the runner's connection: it spans
 * every node that shares the database, waits rather than fails, and is released by the server if the node dies
 * holding it. Transaction-level locks would not do, because a run commits once per script.
 *
 * <p>On H2 a lock in this JVM is enough: the embedded store is a file that H2 lets only one process open (its file
 * lock), so every runner of that database is in this process. One lock for every database in the process: runs are
 * short and rare, and a single lock cannot deadlock.
 */
final class MigrationLock implements AutoCloseable {

    /** Any constant both sides agree on: the advisory lock key of Seamline's migrations ("SEAMLINE" in ASCII). */
    private static final long ADVISORY_KEY = 0x5345414D4C494E45L;
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Connection connection;
    private final boolean advisory;

    private MigrationLock(Connection connection, boolean advisory) {
        this.connection = connection;
        this.advisory = advisory;
    }

    /** Waits for the lock; the connection must be in auto-commit mode. */
    static MigrationLock take(Connection connection) throws SQLException {
        boolean postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        if (postgres) {
            call(connection, "SELECT pg_advisory_lock(?)");
        } else {
            IN_PROCESS.lock();
        }
        return new MigrationLock(connection, postgres);
    }

    @Override
    public void close() throws SQLException {
        if (!advisory) {
            IN_PROCESS.unlock();
            return;
        }
        // Outside any transaction, so that nothing is left open on the pooled connection. Should this fail, the
        // connection is broken and its session, which holds the lock, ends with it.
        connection.setAutoCommit(true);
        call(connection, "SELECT pg_advisory_unlock(?)");
    }

    private static void call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, ADVISORY_KEY);
            statement.execute();
        }
    }
}
