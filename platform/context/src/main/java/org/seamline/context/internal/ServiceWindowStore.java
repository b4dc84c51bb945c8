package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.seamline.store.SqlLists;

/** SQL for channels' customer-service windows, in the caller's connection; one row per customer and channel. */
final class ServiceWindowStore {

    void record(Connection c, String customerId, String channel, Instant openUntil) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM customer_service_window WHERE customer_id = ? AND channel = ?")) {
            delete.setString(1, customerId);
            delete.setString(2, channel);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer_service_window "
                + "(customer_id, channel, open_until, reported_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, customerId);
            insert.setString(2, channel);
            insert.setObject(3, openUntil.atOffset(ZoneOffset.UTC));
            insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** The window most recently reported for any of the members (a merged customer's windows count for the survivor). */
    Optional<Instant> openUntil(Connection c, List<String> members, String channel) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT open_until FROM customer_service_window WHERE channel = ? "
                + "AND customer_id IN (" + SqlLists.placeholders(members.size()) + ") ORDER BY reported_at DESC")) {
            q.setString(1, channel);
            SqlLists.bind(q, 2, members);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        }
    }

    /** Every channel's latest window for any of the members, by channel: for the person's data export. */
    Map<String, Instant> windows(Connection c, List<String> members) throws SQLException {
        Map<String, Instant> windows = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT channel, open_until FROM customer_service_window "
                + "WHERE customer_id IN (" + SqlLists.placeholders(members.size()) + ") ORDER BY reported_at")) {
            SqlLists.bind(q, 1, members);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    windows.put(r.getString(1), r.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return windows;
    }
}
