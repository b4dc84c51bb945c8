package org.seamline.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.api.health.Health;
import org.seamline.api.health.HealthContributor;
import org.seamline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the platform database up, however late its server arrives. Configured by {@code etc/org.seamline.store.cfg},
 * whose values come from {@code SEAMLINE_DB_URL}, {@code SEAMLINE_DB_USER} and {@code SEAMLINE_DB_PASSWORD} through
 * ConfigAdmin interpolation; an empty URL selects the embedded store under {@code data/db}.
 *
 * <p>A thread of its own connects and migrates, retrying with exponential backoff and jitter; the {@link Database}
 * service is registered only once that succeeded, so everything that needs the store starts then. Until it does,
 * the {@code store} health part is DOWN and says why.
 */
@Component(service = HealthContributor.class, configurationPid = "org.seamline.store",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StoreConfiguration.class)
public class StoreConnector implements HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(StoreConnector.class);
    private static final long FIRST_DELAY_MILLIS = 500;

    private final BundleContext context;
    private final StoreConfiguration config;
    private final String url;
    private final String description;
    private final Thread connecting;
    private volatile JdbcDatabase database;
    private volatile String waiting = "connecting";
    private ServiceRegistration<Database> registration;
    private boolean closed;

    @Activate
    public StoreConnector(BundleContext context, StoreConfiguration config) {
        this.context = context;
        this.config = config;
        this.url = config.url().isBlank()
                ? DataSources.embeddedUrl(Path.of(context.getProperty("seamline.home")))
                : config.url().strip();
        this.description = DataSources.dialectOf(url) + " " + DataSources.describe(url);
        this.connecting = new Thread(this::connectUntilOpen, "seamline-store-connect");
        connecting.setDaemon(true);
        connecting.start();
    }

    private void connectUntilOpen() {
        long delay = FIRST_DELAY_MILLIS;
        for (int attempt = 1; !Thread.currentThread().isInterrupted(); attempt++) {
            try {
                JdbcDatabase opened = JdbcDatabase.open(url, config);
                if (!publish(opened)) {
                    opened.close();
                }
                return;
            } catch (SQLException | RuntimeException e) {
                long pause = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
                // The class and SQLState say what is wrong; a driver's message may carry a value, so it stays out.
                String reason = e.getClass().getSimpleName() + (e instanceof SQLException sql && sql.getSQLState() != null
                        ? " (SQLState " + sql.getSQLState() + ")" : "");
                waiting = "waiting for the database: attempt " + attempt + " failed with " + reason
                        + ", next in " + pause + " ms";
                LOG.warn("Store {} not usable yet, attempt {}: {}; retrying in {} ms", description, attempt, reason, pause);
                delay = Math.min(delay * 2, Math.max(FIRST_DELAY_MILLIS, config.reconnectMaxDelayMillis()));
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Registers the opened database unless the component was deactivated meanwhile. */
    private synchronized boolean publish(JdbcDatabase opened) {
        if (closed) {
            return false;
        }
        database = opened;
        registration = context.registerService(Database.class, opened, null);
        LOG.info("Store ready: {}", description);
        return true;
    }

    @Deactivate
    void close() throws InterruptedException {
        connecting.interrupt();
        connecting.join();
        synchronized (this) {
            closed = true;
            if (registration != null) {
                registration.unregister();
            }
        }
        if (database != null) {
            database.close();
            LOG.info("Store closed: {}", description);
        }
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public Health health() {
        JdbcDatabase open = database;
        return open == null ? Health.down(waiting) : open.health();
    }
}
