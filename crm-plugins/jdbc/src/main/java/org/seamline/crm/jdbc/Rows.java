package org.seamline.crm.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

final class Rows {

    private Rows() {
    }

    /** The first column of every row, as text, at most {@link Mechanisms#MAX_ROWS} rows. */
    static List<String> strings(PreparedStatement ps) throws SQLException {
        ps.setMaxRows(Mechanisms.MAX_ROWS);
        List<String> values = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
