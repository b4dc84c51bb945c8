package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows {@code merged_into} pointers in one table (customers, conversations): a merged row points at the row it
 * joined, and reads answer for the end of the chain, the canonical row, together with every row merged into it.
 */
final class MergeChain {

    /** Merges never form cycles; the bound only guards against a corrupted table. */
    private static final int MAX_CHAIN = 64;

    private final String table;

    /** @param table a table of ours with {@code id}, {@code merged_into} and {@code created_at}/{@code opened_at} */
    MergeChain(String table) {
        this.table = table;
    }

    /** The row an id stands for now: itself, or the row it was merged into. Empty for an unknown id. */
    Optional<String> canonical(Connection c, String id) throws SQLException {
        String current = id;
        try (PreparedStatement q = c.prepareStatement("SELECT merged_into FROM " + table + " WHERE id = ?")) {
            for (int hops = 0; hops < MAX_CHAIN; hops++) {
                q.setString(1, current);
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        return hops == 0 ? Optional.empty() : Optional.of(current);
                    }
                    String next = r.getString(1);
                    if (next == null) {
                        return Optional.of(current);
                    }
                    current = next;
                }
            }
        }
        throw new SQLException("merge chain of " + table + " " + id + " is longer than " + MAX_CHAIN);
    }

    /** The canonical row first, then every row merged into it, directly or through others. */
    List<String> members(Connection c, String canonical) throws SQLException {
        List<String> members = new ArrayList<>(List.of(canonical));
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM " + table + " WHERE merged_into = ? ORDER BY id")) {
            for (int i = 0; i < members.size(); i++) {
                q.setString(1, members.get(i));
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        members.add(r.getString(1));
                    }
                }
            }
        }
        return members;
    }
}
