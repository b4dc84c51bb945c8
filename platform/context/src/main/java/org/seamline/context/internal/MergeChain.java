package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seamline.store.SqlLists;

/**
 * Merged rows of one table (customers, conversations). A merged row keeps the row it was merged into
 * ({@code merged_into}: the tree unmerge restores) and points straight at the canonical row it stands for now
 * ({@code canonical_id}). Joining re-points the whole merged group at the new canonical row, so an id is always
 * one look-up from its canonical row however many merges followed each other, and no chain can grow or loop.
 *
 * <p>Callers serialise joins and separations in the database ({@link IdentityCache#bump} first) and pass canonical
 * ids read after that.
 */
final class MergeChain {

    private final String table;

    /** @param table a table of ours with {@code id}, {@code merged_into} and {@code canonical_id} */
    MergeChain(String table) {
        this.table = table;
    }

    /** The row an id stands for now: itself, or the canonical row of its merged group. Empty for an unknown id. */
    Optional<String> canonical(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(canonical_id, id) FROM " + table + " WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** The canonical row first, then every row merged into it, directly or through others. */
    List<String> members(Connection c, String canonical) throws SQLException {
        List<String> members = new ArrayList<>(List.of(canonical));
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM " + table + " WHERE canonical_id = ? ORDER BY id")) {
            q.setString(1, canonical);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    members.add(r.getString(1));
                }
            }
        }
        return members;
    }

    /**
     * Merges the canonical row {@code merged} (and its group) into the canonical row {@code into}. False, changing
     * nothing, when {@code merged} is no longer canonical.
     */
    boolean join(Connection c, String merged, String into) throws SQLException {
        try (PreparedStatement point = c.prepareStatement("UPDATE " + table
                + " SET merged_into = ?, canonical_id = ? WHERE id = ? AND merged_into IS NULL")) {
            point.setString(1, into);
            point.setString(2, into);
            point.setString(3, merged);
            if (point.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement group = c.prepareStatement("UPDATE " + table + " SET canonical_id = ? WHERE canonical_id = ?")) {
            group.setString(1, into);
            group.setString(2, merged);
            group.executeUpdate();
        }
        return true;
    }

    /**
     * Takes {@code merged} out of the group it joined when it was merged into {@code from}: it is canonical again,
     * together with everything merged into it (directly or through others). False, changing nothing, when it is not
     * merged into {@code from}.
     */
    boolean separate(Connection c, String merged, String from) throws SQLException {
        String root = canonical(c, merged).orElse(merged);
        try (PreparedStatement clear = c.prepareStatement("UPDATE " + table
                + " SET merged_into = NULL, canonical_id = NULL WHERE id = ? AND merged_into = ?")) {
            clear.setString(1, merged);
            clear.setString(2, from);
            if (clear.executeUpdate() != 1) {
                return false;
            }
        }
        List<String> below = below(c, root, merged);
        if (!below.isEmpty()) {
            try (PreparedStatement group = c.prepareStatement("UPDATE " + table + " SET canonical_id = ? WHERE id IN ("
                    + SqlLists.placeholders(below.size()) + ")")) {
                group.setString(1, merged);
                SqlLists.bind(group, 2, below);
                group.executeUpdate();
            }
        }
        return true;
    }

    /** The rows of {@code root}'s group merged into {@code top}, directly or through others (the tree of merged_into). */
    private List<String> below(Connection c, String root, String top) throws SQLException {
        Map<String, List<String>> children = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, merged_into FROM " + table + " WHERE canonical_id = ?")) {
            q.setString(1, root);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    children.computeIfAbsent(r.getString(2), k -> new ArrayList<>()).add(r.getString(1));
                }
            }
        }
        List<String> below = new ArrayList<>(children.getOrDefault(top, List.of()));
        for (int i = 0; i < below.size(); i++) {
            below.addAll(children.getOrDefault(below.get(i), List.of()));
        }
        return below;
    }
}
