package org.seamline.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.api.health.Health;
import org.seamline.api.health.HealthContributor;
import org.seamline.store.Database;
import org.seamline.store.StoreFailures;
import org.seamline.store.migration.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform database. Configured by {@code etc/org.seamline.store.cfg}, whose values come from
 * {@code SEAMLINE_DB_URL}, {@code SEAMLINE_DB_USER} and {@code SEAMLINE_DB_PASSWORD} through ConfigAdmin
 * interpolation; an empty URL selects the embedded store under {@code data/db}.
 */
@Component(service = {Database.class, HealthContributor.class}, configurationPid = "org.seamline.store",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StoreConfiguration.class)
public class JdbcDatabase implements Database, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);
    private static final int VALIDATION_SECONDS = 2;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;
    private final Optional<EmbeddedScrub> scrub;

    @Activate
    public JdbcDatabase(BundleContext context, StoreConfiguration config) throws SQLException {
        String url = config.url().isBlank()
                ? DataSources.embeddedUrl(Path.of(context.getProperty("seamline.home")))
                : config.url().strip();
        this.dialect = DataSources.dialectOf(url);
        this.description = dialect + " " + DataSources.describe(url);
        this.scrub = EmbeddedScrub.of(url, config.user(), config.password());
        if (scrub.isPresent() && scrub.get().owed()) {
            LOG.info("Rewriting the data file: an erasure before the last crash owes it");
            scrub.get().settle();
        }
        this.pool = DataSources.pooled(url, config.user(), config.password(), config.maximumPoolSize(),
                config.connectionTimeoutMillis());
        try {
            int applied = new Migrations(JdbcDatabase.class.getClassLoader(), "org/seamline/store/migration").migrate(pool);
            LOG.info("Store ready: {} ({} migrations applied now)", description, applied);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Deactivate
    void close() {
        pool.close();
        if (scrub.isPresent() && scrub.get().owed()) {
            try {
                scrub.get().settle();
                LOG.info("Data file rewritten: erased data left it");
            } catch (SQLException e) {
                LOG.error("Data file not rewritten after an erasure; it is at the next start: {}", StoreFailures.describe(e));
            }
        }
        LOG.info("Store closed: {}", description);
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

    @Override
    public String name() {
        return "store";
    }

    @Override
    public Health health() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS) ? new Health(Health.State.UP, description)
                    : Health.down("database connection is not valid");
        } catch (SQLException e) {
            return Health.down("database unreachable: " + e.getClass().getSimpleName());
        }
    }
}
