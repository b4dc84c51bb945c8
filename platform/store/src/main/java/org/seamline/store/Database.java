package org.seamline.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/** The platform database, migrated and pooled. Registered only once its migrations have run. */
@ProviderType
public interface Database {

    enum Dialect { H2, POSTGRESQL }

    /** Work done on one connection; {@code E} is the caller's own checked failure, if any. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run(Connection connection) throws SQLException, E;
    }

    DataSource dataSource();

    Dialect dialect();

    /** Where the data lives, without credentials: for logs and health output. */
    String description();

    /**
     * Called by an erasure before it commits, so what it deletes leaves the data files too: the embedded store
     * rewrites its file when it closes next (or, after a crash, when it starts next). PostgreSQL does nothing here;
     * deleted rows leave its files through VACUUM (see docs/customer-context.md).
     */
    default void eraseFromFiles() throws SQLException {
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws anything. */
    default <T, E extends Exception> T inTransaction(Work<T, E> work) throws SQLException, E {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode: for reads. */
    default <T, E extends Exception> T read(Work<T, E> work) throws SQLException, E {
        try (Connection c = dataSource().getConnection()) {
            return work.run(c);
        }
    }
}
