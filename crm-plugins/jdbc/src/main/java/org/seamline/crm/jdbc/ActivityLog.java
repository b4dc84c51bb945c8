package org.seamline.crm.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.seamline.api.crm.Activity;
import org.seamline.crm.jdbc.Catalog.Column;
import org.seamline.crm.jdbc.MappedSchema.Activities;

/**
 * Interactions written to the activity table, once each: the interaction id column has a unique index (checked at
 * activation), so of two attempts at once one inserts and the other finds the row. The record id answered is the
 * interaction id itself, the row's natural key.
 */
final class ActivityLog {

    private final MappedSchema schema;
    private final Activities table;

    ActivityLog(MappedSchema schema) {
        this.schema = schema;
        this.table = schema.activities();
    }

    /** False when the contact does not exist. */
    boolean log(Connection connection, Activity activity) throws SQLException {
        Optional<Object> key = schema.key(activity.contactId());
        if (key.isEmpty() || !customerExists(connection, key.get())) {
            return false;
        }
        if (logged(connection, activity.interactionId())) {
            return true;
        }
        List<Column> columns = new ArrayList<>(List.of(table.contact(), table.interaction(), table.kind(), table.at(), table.body()));
        List<Object> values = new ArrayList<>(List.of(key.get(), activity.interactionId(), activity.kind().name().toLowerCase(),
                Timestamp.from(activity.at()), activity.body()));
        if (table.direction() != null) {
            columns.add(table.direction());
            values.add(activity.direction().name().toLowerCase());
        }
        if (table.subject() != null) {
            columns.add(table.subject());
            values.add(activity.subject());
        }
        String sql = "INSERT INTO " + table.table().quoted() + " ("
                + columns.stream().map(Column::quoted).collect(Collectors.joining(", ")) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            // Another attempt with the same id got there first: that row is the one record.
            if (!SqlErrors.isUniqueViolation(e) || !logged(connection, activity.interactionId())) {
                throw e;
            }
        }
        return true;
    }

    private boolean customerExists(Connection connection, Object key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + schema.customers().quoted() + " WHERE "
                + schema.id().quoted() + " = ?")) {
            ps.setObject(1, key);
            return !Rows.strings(ps).isEmpty();
        }
    }

    private boolean logged(Connection connection, String interactionId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + table.table().quoted() + " WHERE "
                + table.interaction().quoted() + " = ?")) {
            ps.setString(1, interactionId);
            return !Rows.strings(ps).isEmpty();
        }
    }
}
