package org.seamline.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.seamline.api.health.Health;
import org.seamline.store.Database;
import org.seamline.store.migration.Migrations;

/**
 * A reachable, migrated database behind a pool. {@link StoreConnector} opens it (again and again until the server
 * answers) and registers it as the {@link Database} service.
 */
final class JdbcDatabase implements Database, AutoCloseable {

    private static final int VALIDATION_SECONDS = 2;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;

    private JdbcDatabase(HikariDataSource pool, Dialect dialect, String description) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
    }

    /** Connects and runs the migrations; throws, leaving nothing open, when the database cannot be used yet. */
    static JdbcDatabase open(String url, StoreConfiguration config) throws SQLException {
        HikariDataSource pool = DataSources.pooled(url, config.user(), config.password(), config.maximumPoolSize(),
                config.connectionTimeoutMillis());
        try {
            new Migrations(JdbcDatabase.class.getClassLoader(), "org/seamline/store/migration").migrate(pool);
            return new JdbcDatabase(pool, DataSources.dialectOf(url), DataSources.dialectOf(url) + " " + DataSources.describe(url));
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
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

    @Override
    public void close() {
        pool.close();
    }
}
