package org.seamline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** {@code IN (...)} lists for prepared statements: the placeholders and their values, in one place. */
public final class SqlLists {

    private SqlLists() {
    }

    /** {@code ?, ?, …} for an IN list of {@code count} values. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds {@code values} from parameter index {@code first} on; answers the next free index. */
    public static int bind(PreparedStatement statement, int first, List<String> values) throws SQLException {
        int index = first;
        for (String value : values) {
            statement.setString(index++, value);
        }
        return index;
    }

    /**
     * Deletes the rows of {@code table} whose {@code column} is one of {@code values}, in the caller's transaction;
     * answers how many went. Table and column are our own names, never input.
     */
    public static int deleteWhereIn(Connection connection, String table, String column, List<String> values) throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE " + column + " IN (" + placeholders(values.size()) + ")")) {
            bind(delete, 1, values);
            return delete.executeUpdate();
        }
    }
}
