package org.seamline.crm.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's own list of tables and columns. Every identifier the configuration names is looked up here and
 * used only in the spelling the database reports, quoted: a name that is not a real table or column is refused,
 * so no configured text ever reaches SQL as written.
 */
final class Catalog {

    /** A real column, quoted for SQL, with its type (the id column's decides how a contact id is bound). */
    record Column(String name, String quoted, int jdbcType, String typeName) {
    }

    /** A real table, quoted for SQL (schema-qualified), with its columns. */
    record Table(String description, String quoted, Map<String, Column> columns, List<List<String>> uniqueIndexes) {

        Column column(String setting, String configured) {
            Column exact = columns.get(configured);
            if (exact != null) {
                return exact;
            }
            List<Column> folded = columns.values().stream().filter(c -> c.name().equalsIgnoreCase(configured)).toList();
            if (folded.size() != 1) {
                throw new IllegalArgumentException(setting + ": table " + description + " has no column '" + configured + "'");
            }
            return folded.get(0);
        }

        /** Optional setting: null when not configured. */
        Column columnOrNull(String setting, String configured) {
            return configured == null ? null : column(setting, configured);
        }

        boolean isUnique(Column column) {
            return uniqueIndexes.stream().anyMatch(index -> index.equals(List.of(column.name())));
        }
    }

    private final Connection connection;
    private final DatabaseMetaData meta;
    private final String quote;

    Catalog(Connection connection) throws SQLException {
        this.connection = connection;
        this.meta = connection.getMetaData();
        String q = meta.getIdentifierQuoteString();
        this.quote = q == null || q.isBlank() ? "\"" : q;
    }

    /** {@code schema.table} or {@code table} in the connection's current schema. */
    Table table(String setting, String configured) throws SQLException {
        int dot = configured.indexOf('.');
        String schema = dot < 0 ? connection.getSchema() : configured.substring(0, dot);
        String name = dot < 0 ? configured : configured.substring(dot + 1);
        List<String[]> matches = new ArrayList<>();
        // Metadata patterns treat _ and % as wildcards: list the schema and compare names here instead.
        try (ResultSet tables = meta.getTables(null, null, null, null)) {
            while (tables.next()) {
                String s = tables.getString("TABLE_SCHEM");
                String t = tables.getString("TABLE_NAME");
                if (schema != null && s != null && s.equalsIgnoreCase(schema) && t.equalsIgnoreCase(name)) {
                    matches.add(new String[] {s, t});
                }
            }
        }
        String[] found = matches.stream().filter(m -> m[0].equals(schema) && m[1].equals(name)).findFirst()
                .orElse(matches.size() == 1 ? matches.get(0) : null);
        if (found == null) {
            throw new IllegalArgumentException(setting + ": the database has no table '" + configured + "'"
                    + (dot < 0 ? " in schema " + schema : "") + " that this user can see");
        }
        return new Table(found[0] + "." + found[1], quoted(found[0]) + "." + quoted(found[1]),
                columns(found[0], found[1]), uniqueIndexes(found[0], found[1]));
    }

    private Map<String, Column> columns(String schema, String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(null, escaped(schema), escaped(table), null)) {
            while (rs.next()) {
                if (schema.equals(rs.getString("TABLE_SCHEM")) && table.equals(rs.getString("TABLE_NAME"))) {
                    String name = rs.getString("COLUMN_NAME");
                    columns.put(name, new Column(name, quoted(name), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
                }
            }
        }
        return columns;
    }

    private List<List<String>> uniqueIndexes(String schema, String table) throws SQLException {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, true, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    indexes.computeIfAbsent(index, i -> new ArrayList<>()).add(column);
                }
            }
        }
        return List.copyOf(indexes.values());
    }

    private String escaped(String pattern) throws SQLException {
        String escape = meta.getSearchStringEscape();
        return pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private String quoted(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }
}
