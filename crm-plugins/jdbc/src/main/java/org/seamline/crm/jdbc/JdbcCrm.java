package org.seamline.crm.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.health.Health;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mapped customer database: the connector itself, without OSGi (the component registers it). Its pool is
 * read-only unless write-back is configured. The tables and columns are checked against the database when it opens;
 * when the database cannot be reached then, the check runs on the first call that reaches it, and calls answer
 * TRANSIENT until it does.
 */
final class JdbcCrm implements CrmConnector, CrmChangePolling, AutoCloseable {

    static final String CRM_KIND = "jdbc";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCrm.class);
    private static final int POOL_SIZE = 4;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Longest a statement may run; a lookup that scans a huge table fails as TRANSIENT rather than holding a worker. */
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);

    private final String instance;
    private final Settings settings;
    private final HikariDataSource pool;
    private final Phones phones;
    private volatile Mapping mapping;

    /** Everything built on the checked schema. */
    private record Mapping(Contacts contacts, ContactWriter writer, ActivityLog activities, KeysetFeed feed) {
    }

    private JdbcCrm(String instance, Settings settings) {
        this.instance = instance;
        this.settings = settings;
        this.phones = new Phones(settings.defaultRegion());
        this.pool = pool(instance, settings);
    }

    /**
     * @throws IllegalArgumentException when the database answers and a configured table or column does not exist
     *                                  (the message names the setting), or the activity table lacks its unique index
     */
    static JdbcCrm open(String instance, Settings settings) {
        JdbcCrm crm = new JdbcCrm(instance, settings);
        try {
            crm.mapping();
        } catch (CrmException e) {
            LOG.warn("JDBC CRM {}: database not reachable yet ({}); its tables are checked on first use", instance, e.getMessage());
        } catch (IllegalArgumentException e) {
            crm.close();
            throw e;
        }
        return crm;
    }

    private static HikariDataSource pool(String instance, Settings settings) {
        PGSimpleDataSource driver = new PGSimpleDataSource();
        driver.setURL(settings.jdbcUrl());
        if (settings.username() != null) {
            driver.setUser(settings.username());
        }
        if (settings.password() != null) {
            driver.setPassword(settings.password());
        }
        driver.setApplicationName("seamline-crm-" + instance);
        HikariConfig config = new HikariConfig();
        config.setPoolName("seamline-crm-jdbc-" + instance);
        config.setDataSource(driver);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setReadOnly(!settings.writeBack());
        config.setConnectionInitSql("SET statement_timeout = " + STATEMENT_TIMEOUT.toMillis());
        // Start without a connection: a database that is down must not fail the activation.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private Mapping mapping() throws CrmException {
        Mapping current = mapping;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (mapping == null) {
                try (Connection connection = pool.getConnection()) {
                    MappedSchema schema = MappedSchema.resolve(connection, settings);
                    Mechanisms mechanisms = schema.contacts() == null ? new ColumnMechanisms(schema)
                            : new ChildTableMechanisms(schema.contacts(), settings.contactTable());
                    Contacts contacts = new Contacts(schema, mechanisms, phones);
                    mapping = new Mapping(contacts, new ContactWriter(schema, mechanisms, contacts, phones),
                            schema.activities() == null ? null : new ActivityLog(schema), new KeysetFeed(schema));
                } catch (SQLException e) {
                    throw SqlErrors.of("schema check", e);
                }
            }
            return mapping;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Mapping mapping, Connection connection) throws SQLException, CrmException;
    }

    private <T> T withConnection(String operation, Work<T> work) throws CrmException {
        Mapping current;
        try {
            current = mapping();
        } catch (IllegalArgumentException e) {
            // The database came up after the activation and lacks a configured table or column.
            throw new CrmException(CrmException.Kind.AUTH_INVALID, "JDBC " + operation + ": " + e.getMessage());
        }
        try (Connection connection = pool.getConnection()) {
            return work.run(current, connection);
        } catch (SQLException e) {
            throw SqlErrors.of(operation, e);
        }
    }

    @Override
    public String crm() {
        return CRM_KIND;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public Health health() {
        try {
            mapping();
        } catch (IllegalArgumentException e) {
            return Health.down(e.getMessage());
        } catch (CrmException e) {
            return Health.down("database unreachable: " + e.getMessage());
        }
        try (Connection connection = pool.getConnection()) {
            return connection.isValid((int) CONNECTION_TIMEOUT.toSeconds()) ? Health.up()
                    : Health.down("database connection not valid");
        } catch (SQLException e) {
            return Health.down("database unreachable: " + SqlErrors.of("health check", e).getMessage());
        }
    }

    @Override
    public double requestsPerSecond() {
        // Four pooled connections and indexed lookups: far more than the platform's CRM workers ask for.
        return 50;
    }

    @Override
    public List<CrmContact> findByEmail(String email) throws CrmException {
        return withConnection("email lookup", (m, c) -> m.contacts().byEmail(c, email));
    }

    @Override
    public List<CrmContact> findByPhone(String e164) throws CrmException {
        return withConnection("phone lookup", (m, c) -> m.contacts().byPhone(c, e164));
    }

    @Override
    public Optional<CrmContact> profile(String contactId) throws CrmException {
        return withConnection("profile", (m, c) -> m.contacts().profile(c, contactId));
    }

    @Override
    public CrmContact upsert(ContactDraft draft) throws CrmException {
        requireWriteBack("upsert");
        return withConnection("upsert", (m, c) -> {
            if (draft.contactId() == null) {
                return m.writer().create(c, draft);
            }
            return m.writer().update(c, draft).orElseThrow(() -> notFound("upsert"));
        });
    }

    @Override
    public String log(Activity activity) throws CrmException {
        requireWriteBack("log");
        return withConnection("activity log", (m, c) -> {
            if (!m.activities().log(c, activity)) {
                throw notFound("activity log");
            }
            return activity.interactionId();
        });
    }

    @Override
    public Duration pollInterval() {
        return settings.pollInterval();
    }

    @Override
    public Page changesSince(String cursor, int limit) throws CrmException {
        return withConnection("change poll", (m, c) -> {
            if (cursor == null) {
                return new Page(List.of(), m.feed().now(c));
            }
            try {
                return m.feed().after(c, cursor, limit);
            } catch (IllegalArgumentException e) {
                throw new CrmException(CrmException.Kind.VALIDATION, "JDBC change poll: " + e.getMessage());
            }
        });
    }

    private void requireWriteBack(String operation) throws CrmException {
        if (!settings.writeBack()) {
            throw new CrmException(CrmException.Kind.VALIDATION, "JDBC " + operation + ": instance " + instance
                    + " is read-only (configure activityTable to enable write-back)");
        }
    }

    private static CrmException notFound(String operation) {
        return new CrmException(CrmException.Kind.NOT_FOUND, "JDBC " + operation + ": no such contact");
    }

    @Override
    public void close() {
        pool.close();
    }
}
