package org.seamline.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.seamline.api.health.Health;
import org.seamline.store.Database;
import org.seamline.store.StoreFailures;
import org.seamline.store.migration.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reachable, migrated database behind a pool. {@link StoreConnector} opens it (again and again until the server
 * answers) and registers it as the {@link Database} service.
 */
final class JdbcDatabase implements Database, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);
    private static final int VALIDATION_SECONDS = 2;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;
    private final Optional<EmbeddedScrub> scrub;

    private JdbcDatabase(HikariDataSource pool, String url, Optional<EmbeddedScrub> scrub) {
        this.pool = pool;
        this.dialect = DataSources.dialectOf(url);
        this.description = dialect + " " + DataSources.describe(url);
        this.scrub = scrub;
    }

    /**
     * Connects and runs the migrations; throws, leaving nothing open, when the database cannot be used yet. An
     * embedded file that an erasure before a crash left unrewritten is rewritten first, before anything reads it.
     */
    static JdbcDatabase open(String url, StoreConfiguration config) throws SQLException {
        Optional<EmbeddedScrub> scrub = EmbeddedScrub.of(url, config.user(), config.password());
        if (scrub.isPresent() && scrub.get().owed()) {
            LOG.info("Rewriting the data file: an erasure before the last crash owes it");
            scrub.get().settle();
        }
        HikariDataSource pool = DataSources.pooled(url, config.user(), config.password(), config.maximumPoolSize(),
                config.connectionTimeoutMillis());
        try {
            new Migrations(JdbcDatabase.class.getClassLoader(), "org/seamline/store/migration").migrate(pool);
            return new JdbcDatabase(pool, url, scrub);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public void eraseFromFiles() throws SQLException {
        if (scrub.isPresent()) {
            scrub.get().owe();
        }
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String description() {
        return description;
    }

    /** Asks the server now: a database that went away after the start shows DOWN until it is back. */
    Health health() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS) ? new Health(Health.State.UP, description)
                    : Health.down("database connection is not valid");
        } catch (SQLException e) {
            return Health.down("database unreachable");
        }
    }

    /** Closes the pool, then rewrites the embedded file if an erasure owes it: only a closed database can be. */
    @Override
    public void close() {
        pool.close();
        if (scrub.isPresent() && scrub.get().owed()) {
            try {
                scrub.get().settle();
                LOG.info("Data file rewritten: erased data left it");
            } catch (SQLException e) {
                LOG.error("Data file not rewritten after an erasure; it is at the next start: {}", StoreFailures.describe(e));
            }
        }
    }
}
