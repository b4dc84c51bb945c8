package org.seamline.context.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.seamline.store.Database;
import org.seamline.store.internal.TestDatabases;

/**
 * For the JMH suite: a PostgreSQL that commits durably. The embedded server of the tests starts with fsync and
 * {@code synchronous_commit} off for speed; this one turns both back on (PostgreSQL's own defaults) and checks
 * that they took, so a benchmark of writes measures durable writes.
 */
final class DurablePostgres {

    private DurablePostgres() {
    }

    static Database create() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (java.io.IOException ignored) {
                // the JVM is going away
            }
        }));
        Database database = TestDatabases.migrated(server.getJdbcUrl("postgres", "postgres"), "postgres");
        database.read(c -> {
            require(c, "fsync");
            require(c, "synchronous_commit");
            return null;
        });
        return database;
    }

    private static void require(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + setting)) {
            r.next();
            if (!"on".equals(r.getString(1))) {
                throw new IllegalStateException(setting + " is " + r.getString(1) + ": writes measured here would not be durable");
            }
        }
    }
}
