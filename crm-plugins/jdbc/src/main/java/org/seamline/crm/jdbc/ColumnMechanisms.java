package org.seamline.crm.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.seamline.crm.jdbc.Catalog.Column;

/** Emails and phones as columns of the customer table ({@code email, email2, phone, mobile}). */
final class ColumnMechanisms implements Mechanisms {

    private final MappedSchema schema;

    ColumnMechanisms(MappedSchema schema) {
        this.schema = schema;
    }

    @Override
    public List<String> idsByEmail(Connection connection, String lowerCaseEmail) throws SQLException {
        if (schema.emailColumns().isEmpty()) {
            return List.of();
        }
        String where = schema.emailColumns().stream().map(c -> "lower(" + c.quoted() + ") = ?")
                .collect(Collectors.joining(" OR "));
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + schema.id().quoted() + " FROM "
                + schema.customers().quoted() + " WHERE " + where + " ORDER BY " + schema.id().quoted())) {
            for (int i = 1; i <= schema.emailColumns().size(); i++) {
                ps.setString(i, lowerCaseEmail);
            }
            return Rows.strings(ps);
        }
    }

    @Override
    public List<Candidate> byPhoneDigits(Connection connection, String digits) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        for (Column phone : schema.phoneColumns()) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + schema.id().quoted() + ", " + phone.quoted()
                    + " FROM " + schema.customers().quoted() + " WHERE " + Mechanisms.digitsOf(phone.quoted()) + " LIKE ?")) {
                ps.setString(1, Mechanisms.endingWith(digits));
                candidates.addAll(Rows.candidates(ps));
            }
        }
        return candidates;
    }

    @Override
    public Stored of(Connection connection, Object key) throws SQLException {
        Map<Column, String> values = current(connection, key, false);
        return new Stored(nonBlank(values, schema.emailColumns()), nonBlank(values, schema.phoneColumns()));
    }

    @Override
    public void add(Connection connection, Object key, List<String> emails, List<String> phones, Phones normaliser)
            throws SQLException {
        Map<Column, String> values = current(connection, key, true);
        Map<Column, String> changes = new LinkedHashMap<>();
        for (String email : emails) {
            boolean known = nonBlank(values, schema.emailColumns()).stream().anyMatch(e -> e.equalsIgnoreCase(email));
            place(values, changes, schema.emailColumns(), known, email);
        }
        for (String phone : phones) {
            String wanted = normaliser.display(phone);
            boolean known = nonBlank(values, schema.phoneColumns()).stream().anyMatch(p -> normaliser.display(p).equals(wanted));
            place(values, changes, schema.phoneColumns(), known, phone);
        }
        if (changes.isEmpty()) {
            return;
        }
        String set = changes.keySet().stream().map(c -> c.quoted() + " = ?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + schema.customers().quoted() + " SET " + set
                + " WHERE " + schema.id().quoted() + " = ?")) {
            int i = 1;
            for (String value : changes.values()) {
                ps.setString(i++, value);
            }
            ps.setObject(i, key);
            ps.executeUpdate();
        }
    }

    /** Puts a new value into the first empty column; a customer whose columns are all taken keeps what they have. */
    private static void place(Map<Column, String> values, Map<Column, String> changes, List<Column> columns,
                              boolean known, String value) {
        if (known) {
            return;
        }
        for (Column column : columns) {
            String current = values.get(column);
            if (current == null || current.isBlank()) {
                values.put(column, value);
                changes.put(column, value);
                return;
            }
        }
    }

    private Map<Column, String> current(Connection connection, Object key, boolean forUpdate) throws SQLException {
        List<Column> columns = new ArrayList<>(schema.emailColumns());
        columns.addAll(schema.phoneColumns());
        Map<Column, String> values = new LinkedHashMap<>();
        String select = columns.stream().map(Column::quoted).collect(Collectors.joining(", "));
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + select + " FROM " + schema.customers().quoted()
                + " WHERE " + schema.id().quoted() + " = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        values.put(columns.get(i), rs.getString(i + 1));
                    }
                }
            }
        }
        return values;
    }

    private static List<String> nonBlank(Map<Column, String> values, List<Column> columns) {
        return columns.stream().map(values::get).filter(v -> v != null && !v.isBlank()).toList();
    }
}
