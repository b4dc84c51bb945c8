package org.seamline.itest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL server (binaries from Maven Central), durable, on a free loopback port, started once per JVM and
 * stopped when it exits. Each caller gets a fresh database, handed over as Seamline's environment.
 */
public final class PostgresServer {

    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    /** {@code SEAMLINE_DB_URL} and {@code SEAMLINE_DB_USER} for a new, empty database. */
    public static synchronized Map<String, String> newDatabaseEnvironment() throws IOException, SQLException {
        if (server == null) {
            // The embedded server turns fsync and synchronous_commit off; ours commits durably, as a real one does,
            // so crash tests and benchmarks mean what they say.
            server = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop, "postgres-stop"));
        }
        String db = "seamline" + System.nanoTime();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return Map.of("SEAMLINE_DB_URL", server.getJdbcUrl("postgres", db), "SEAMLINE_DB_USER", "postgres");
    }

    /** {@code environment} and a new, empty database. */
    public static Map<String, String> withNewDatabase(Map<String, String> environment) throws IOException, SQLException {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(newDatabaseEnvironment());
        return all;
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the server's own shutdown hook cleans up too
        }
    }
}
