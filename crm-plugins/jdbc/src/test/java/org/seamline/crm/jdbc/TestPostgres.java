package org.seamline.crm.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** One real PostgreSQL server for the module's tests, a fresh database per test. */
final class TestPostgres {

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The URL of a new empty database. */
    static synchronized String newDatabase() throws IOException, SQLException {
        if (server == null) {
            server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        String db = "crm" + System.nanoTime();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return server.getJdbcUrl("postgres", db);
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }
}
