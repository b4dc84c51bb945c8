package org.seamline.crm.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmChangePolling.Page;

/**
 * Changed customers by keyset polling on (updated-at, id): the cursor is the last pair handed over, and the next
 * page starts strictly after it. Ordering by the id as well means customers updated in the same instant are all
 * reported, however the pages split them; a row comparison lets PostgreSQL walk an index on (updated_at, id).
 */
final class KeysetFeed {

    private static final String VERSION = "k1";
    private static final String START = VERSION + "|start";
    private static final int MAX_PAGE = 1000;

    private final MappedSchema schema;

    KeysetFeed(MappedSchema schema) {
        this.schema = schema;
    }

    /** The position after the latest change now in the table: where a connector without a cursor starts. */
    String now(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + schema.updatedAt().quoted() + ", "
                + schema.id().quoted() + " FROM " + schema.customers().quoted() + " WHERE " + schema.updatedAt().quoted()
                + " IS NOT NULL ORDER BY " + schema.updatedAt().quoted() + " DESC, " + schema.id().quoted() + " DESC")) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? cursor(rs.getTimestamp(1), rs.getString(2)) : START;
            }
        }
    }

    /** @throws IllegalArgumentException for a cursor this feed did not write */
    Page after(Connection connection, String cursor, int limit) throws SQLException {
        Optional<Position> from = parse(cursor);
        String order = " ORDER BY " + schema.updatedAt().quoted() + ", " + schema.id().quoted();
        String where = from.isEmpty() ? schema.updatedAt().quoted() + " IS NOT NULL"
                : "(" + schema.updatedAt().quoted() + ", " + schema.id().quoted() + ") > (?, ?)";
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + schema.updatedAt().quoted() + ", "
                + schema.id().quoted() + " FROM " + schema.customers().quoted() + " WHERE " + where + order)) {
            ps.setMaxRows(Math.max(1, Math.min(limit, MAX_PAGE)));
            if (from.isPresent()) {
                ps.setTimestamp(1, Timestamp.from(from.get().at()));
                ps.setObject(2, schema.key(from.get().id())
                        .orElseThrow(() -> new IllegalArgumentException("the cursor names no valid id")));
            }
            List<CrmChange> changes = new ArrayList<>();
            String next = cursor;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(1);
                    String id = rs.getString(2);
                    changes.add(new CrmChange(id, id + "@" + at.toInstant(), at.toInstant(), false));
                    next = cursor(at, id);
                }
            }
            return new Page(changes, next);
        }
    }

    private record Position(Instant at, String id) {
    }

    private static String cursor(Timestamp at, String id) {
        return VERSION + "|" + at.toInstant() + "|" + id;
    }

    private static Optional<Position> parse(String cursor) {
        if (START.equals(cursor)) {
            return Optional.empty();
        }
        String[] parts = cursor.split("\\|", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a cursor of this connector");
        }
        try {
            return Optional.of(new Position(Instant.parse(parts[1]), parts[2]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a cursor of this connector");
        }
    }
}
