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

    /** Id and stored phone of every row, at most {@link Mechanisms#MAX_ROWS} rows. */
    static List<Mechanisms.Candidate> candidates(PreparedStatement ps) throws SQLException {
        ps.setMaxRows(Mechanisms.MAX_ROWS);
        List<Mechanisms.Candidate> candidates = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                candidates.add(new Mechanisms.Candidate(rs.getString(1), rs.getString(2)));
            }
        }
        return candidates;
    }
}
