package org.seamline.crm.sync.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.seamline.crm.sync.CrmTask;
import org.seamline.store.Page;

/**
 * The durable CRM work queue, its links from customers to CRM contacts and the polling cursors, in the tables this
 * bundle owns. Plain SQL shared by H2 and PostgreSQL.
 *
 * <p>A task runs under a lease: the node that claims it owns it until the lease ends, so two nodes never run one task
 * at once, and a task whose node died mid-way runs again after the lease (the connector's idempotent log keeps that
 * from posting twice).
 */
final class TaskStore {

    static final String DUE = "DUE";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String SKIPPED = "SKIPPED";
    static final String FAILED = "FAILED";
    static final String DISCARDED = "DISCARDED";
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final String COLUMNS = "id, connector, kind, subject, customer_id, status, attempts, last_error, created_at, updated_at";

    enum Kind { LOOKUP, REFRESH, LOG }

    record Task(String id, String connector, Kind kind, String subject, String customerId, int attempts) {
    }

    private final DataSource dataSource;

    TaskStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Plans work. A log task is planned once for good; a lookup or refresh already planned is made due again (the
     * customer or contact changed since), unless it is waiting already.
     */
    void plan(Connection c, String connector, Kind kind, String subject, String customerId) throws SQLException {
        Instant now = Instant.now();
        if (kind != Kind.LOG) {
            try (PreparedStatement again = c.prepareStatement("UPDATE crm_task SET status = ?, attempts = 0, next_attempt_at = ?, "
                    + "last_error = NULL, updated_at = ? WHERE connector = ? AND kind = ? AND subject = ? AND status NOT IN (?, ?)")) {
                again.setString(1, DUE);
                again.setObject(2, utc(now));
                again.setObject(3, utc(now));
                again.setString(4, connector);
                again.setString(5, kind.name());
                again.setString(6, subject);
                again.setString(7, DUE);
                again.setString(8, RUNNING);
                if (again.executeUpdate() > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_task (id, connector, kind, subject, customer_id, "
                + "status, attempts, next_attempt_at, created_at, updated_at) SELECT ?, ?, ?, ?, ?, ?, 0, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM crm_task WHERE connector = ? AND kind = ? AND subject = ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, connector);
            insert.setString(3, kind.name());
            insert.setString(4, subject);
            insert.setString(5, customerId);
            insert.setString(6, DUE);
            insert.setObject(7, utc(now));
            insert.setObject(8, utc(now));
            insert.setObject(9, utc(now));
            insert.setString(10, connector);
            insert.setString(11, kind.name());
            insert.setString(12, subject);
            insert.executeUpdate();
        }
    }

    /** Claims up to {@code limit} due tasks of the connector (and tasks whose lease ran out), oldest first. */
    List<Task> claimDue(String connector, int limit) throws SQLException {
        Instant now = Instant.now();
        List<Task> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement due = c.prepareStatement("SELECT id, connector, kind, subject, customer_id, attempts FROM crm_task "
                     + "WHERE connector = ? AND ((status = ? AND next_attempt_at <= ?) OR (status = ? AND lease_until < ?)) "
                     + "ORDER BY next_attempt_at, created_at LIMIT ?")) {
            due.setString(1, connector);
            due.setString(2, DUE);
            due.setObject(3, utc(now));
            due.setString(4, RUNNING);
            due.setObject(5, utc(now));
            due.setInt(6, limit);
            try (ResultSet r = due.executeQuery()) {
                while (r.next()) {
                    candidates.add(new Task(r.getString(1), r.getString(2), Kind.valueOf(r.getString(3)), r.getString(4),
                            r.getString(5), r.getInt(6)));
                }
            }
            List<Task> claimed = new ArrayList<>();
            try (PreparedStatement claim = c.prepareStatement("UPDATE crm_task SET status = ?, lease_until = ?, updated_at = ? "
                    + "WHERE id = ? AND ((status = ? AND next_attempt_at <= ?) OR (status = ? AND lease_until < ?))")) {
                for (Task task : candidates) {
                    claim.setString(1, RUNNING);
                    claim.setObject(2, utc(now.plus(LEASE)));
                    claim.setObject(3, utc(now));
                    claim.setString(4, task.id());
                    claim.setString(5, DUE);
                    claim.setObject(6, utc(now));
                    claim.setString(7, RUNNING);
                    claim.setObject(8, utc(now));
                    if (claim.executeUpdate() > 0) {
                        claimed.add(task);
                    }
                }
            }
            return claimed;
        }
    }

    void finish(String id, String status, String result) throws SQLException {
        update(id, "UPDATE crm_task SET status = ?, result = ?, last_error = NULL, lease_until = NULL, updated_at = ? WHERE id = ?",
                status, result);
    }

    /** The task runs again at {@code next}; {@code counts} is false when the attempt never reached the CRM (paused). */
    void later(Task task, Instant next, String error, boolean counts) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE crm_task SET status = ?, attempts = ?, next_attempt_at = ?, "
                     + "last_error = ?, lease_until = NULL, updated_at = ? WHERE id = ?")) {
            update.setString(1, DUE);
            update.setInt(2, task.attempts() + (counts ? 1 : 0));
            update.setObject(3, utc(next));
            update.setString(4, clip(error));
            update.setObject(5, utc(Instant.now()));
            update.setString(6, task.id());
            update.executeUpdate();
        }
    }

    void fail(String id, String error) throws SQLException {
        update(id, "UPDATE crm_task SET status = ?, last_error = ?, lease_until = NULL, updated_at = ? WHERE id = ?", FAILED, clip(error));
    }

    Page<CrmTask> failed(int offset, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM crm_task WHERE status = ?")) {
                count.setString(1, FAILED);
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    total = r.getLong(1);
                }
            }
            List<CrmTask> tasks = new ArrayList<>();
            try (PreparedStatement page = c.prepareStatement("SELECT " + COLUMNS + " FROM crm_task WHERE status = ? "
                    + "ORDER BY created_at, id LIMIT ? OFFSET ?")) {
                page.setString(1, FAILED);
                page.setInt(2, limit);
                page.setInt(3, offset);
                try (ResultSet r = page.executeQuery()) {
                    while (r.next()) {
                        tasks.add(view(r));
                    }
                }
            }
            return new Page<>(tasks, total, offset, limit);
        }
    }

    /** Moves a failed task to {@code status} (due again, or discarded); false when it is not failed. */
    boolean settle(String id, String status) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE crm_task SET status = ?, attempts = 0, next_attempt_at = ?, "
                     + "updated_at = ? WHERE id = ? AND status = ?")) {
            update.setString(1, status);
            update.setObject(2, utc(Instant.now()));
            update.setObject(3, utc(Instant.now()));
            update.setString(4, id);
            update.setString(5, FAILED);
            return update.executeUpdate() > 0;
        }
    }

    long count(String connector, String status) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM crm_task WHERE connector = ? AND status = ?")) {
            count.setString(1, connector);
            count.setString(2, status);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    Optional<String> contactOf(String connector, String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT contact_id FROM crm_link WHERE connector = ? AND customer_id = ?")) {
            select.setString(1, connector);
            select.setString(2, customerId);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    List<String> customersOf(String connector, String contactId) throws SQLException {
        List<String> customers = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT customer_id FROM crm_link WHERE connector = ? AND contact_id = ?")) {
            select.setString(1, connector);
            select.setString(2, contactId);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    customers.add(r.getString(1));
                }
            }
        }
        return customers;
    }

    void link(String connector, String customerId, String contactId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM crm_link WHERE connector = ? AND customer_id = ?")) {
                    delete.setString(1, connector);
                    delete.setString(2, customerId);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO crm_link (connector, customer_id, contact_id, linked_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, connector);
                    insert.setString(2, customerId);
                    insert.setString(3, contactId);
                    insert.setObject(4, utc(Instant.now()));
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** An erased customer: what linked them to CRM contacts and the work planned for them goes too. */
    void forget(Connection c, String customerId) throws SQLException {
        for (String sql : List.of("DELETE FROM crm_link WHERE customer_id = ?", "DELETE FROM crm_task WHERE customer_id = ?")) {
            try (PreparedStatement delete = c.prepareStatement(sql)) {
                delete.setString(1, customerId);
                delete.executeUpdate();
            }
        }
    }

    Optional<String> cursor(String connector) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT position FROM crm_cursor WHERE connector = ?")) {
            select.setString(1, connector);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    void saveCursor(Connection c, String connector, String position) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE crm_cursor SET position = ?, updated_at = ? WHERE connector = ?")) {
            update.setString(1, position);
            update.setObject(2, utc(Instant.now()));
            update.setString(3, connector);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_cursor (connector, position, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, connector);
            insert.setString(2, position);
            insert.setObject(3, utc(Instant.now()));
            insert.executeUpdate();
        }
    }

    /** Runs {@code work} in one transaction. */
    void inTransaction(SqlWork work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @FunctionalInterface
    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private void update(String id, String sql, String status, String text) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, status);
            update.setString(2, text);
            update.setObject(3, utc(Instant.now()));
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    private static CrmTask view(ResultSet r) throws SQLException {
        String[] connector = r.getString(2).split("/", 2);
        return new CrmTask(r.getString(1), connector[0], connector.length > 1 ? connector[1] : "", r.getString(3).toLowerCase(),
                r.getString(4), r.getString(5), r.getString(6), r.getInt(7), r.getString(8),
                r.getObject(9, OffsetDateTime.class).toInstant(), r.getObject(10, OffsetDateTime.class).toInstant());
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
