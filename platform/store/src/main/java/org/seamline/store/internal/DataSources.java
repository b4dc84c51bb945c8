package org.seamline.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.seamline.store.Database.Dialect;

/** Builds the pooled DataSource for a configuration. Drivers are created directly: no class-name loading in OSGi. */
final class DataSources {

    /**
     * WRITE_DELAY=0 makes H2 write every commit to the file before the commit returns; with H2's default delay a
     * {@code kill -9} loses acknowledged rows. DB_CLOSE_ON_EXIT=FALSE leaves closing to the component, which stops
     * after the components that still use the database. TRACE_LEVEL_FILE=0: H2's trace file would keep every failed
     * statement's message, and those quote the refused values (personal data); failures are logged by kind instead.
     */
    static final String EMBEDDED_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";

    private DataSources() {
    }

    static Dialect dialectOf(String url) {
        if (url == null || url.isBlank() || url.startsWith("jdbc:h2:")) {
            return Dialect.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:postgresql: or leave empty): "
                + url.replaceAll("\\?.*", ""));
    }

    static String embeddedUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve("data/db/seamline").toAbsolutePath() + EMBEDDED_SETTINGS;
    }

    static HikariDataSource pooled(String url, String user, String password, int maxPool, long connectionTimeoutMillis) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("seamline-store");
        config.setDataSource(driverDataSource(url, user, password));
        config.setMaximumPoolSize(maxPool);
        config.setConnectionTimeout(Math.max(250, connectionTimeoutMillis));
        config.setValidationTimeout(Math.max(250, Math.min(connectionTimeoutMillis, 5000)));
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    static DataSource driverDataSource(String url, String user, String password) {
        if (dialectOf(url) == Dialect.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user == null || user.isEmpty() ? "seamline" : user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        // The inbox tells repeats from new messages by each batched row's update count; rewritten batches report none.
        pg.setReWriteBatchedInserts(false);
        if (user != null && !user.isEmpty()) {
            pg.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            pg.setPassword(password);
        }
        return pg;
    }

    /** The URL without credentials or parameters, fit for logs. */
    static String describe(String url) {
        return url.replaceAll("[?;].*", "").replaceAll("//[^@/]*@", "//");
    }
}
