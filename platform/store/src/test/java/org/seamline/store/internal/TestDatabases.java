package org.seamline.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.seamline.store.Database;
import org.seamline.store.migration.Migrations;

/** Real databases for store tests: an embedded H2 file with the production settings, and a real PostgreSQL server. */
public final class TestDatabases {

    /** A record's accessors are exactly {@link Database}'s methods. */
    private record TestDatabase(DataSource dataSource, Dialect dialect, String description) implements Database {
    }

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static Database postgres() throws IOException, SQLException {
        return postgres("");
    }

    /** A fresh PostgreSQL database reached with these URL parameters ({@code ?name=value&…}). */
    public static Database postgres(String urlParameters) throws IOException, SQLException {
        String url = newPostgresUrl();
        return migrated(urlParameters.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + urlParameters.substring(1),
                "postgres");
    }

    /** An empty database, {@code h2} or {@code postgresql}, pooled as the platform pools it: for migration tests. */
    public static DataSource empty(String kind) throws IOException, SQLException {
        return "postgresql".equals(kind) ? pool(newPostgresUrl(), "postgres")
                : pool(DataSources.embeddedUrl(Files.createTempDirectory("seamline-h2")), "");
    }

    private static synchronized String newPostgresUrl() throws IOException, SQLException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        String db = "t" + System.nanoTime();
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return postgres.getJdbcUrl("postgres", db);
    }

    public static Database h2() throws IOException, SQLException {
        Path dir = Files.createTempDirectory("seamline-h2");
        return migrated(DataSources.embeddedUrl(dir), "");
    }

    /** {@code h2} or {@code postgresql}. */
    public static Database of(String kind) throws IOException, SQLException {
        return "postgresql".equals(kind) ? postgres() : h2();
    }

    private static HikariDataSource pool(String url, String user) {
        HikariDataSource pool = DataSources.pooled(url, user, "", 8, 2000);
        // Tests open dozens of databases on one server and never close them: keep no idle connections around,
        // or the server runs out of connection slots.
        pool.getHikariConfigMXBean().setMinimumIdle(0);
        return pool;
    }

    /** A migrated database at {@code url}, pooled as the platform pools it. */
    public static Database migrated(String url, String user) throws SQLException {
        HikariDataSource pool = pool(url, user);
        new Migrations(TestDatabases.class.getClassLoader(), "org/seamline/store/migration").migrate(pool);
        return new TestDatabase(pool, DataSources.dialectOf(url), DataSources.describe(url));
    }
}
