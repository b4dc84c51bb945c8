package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.seamline.context.Consent;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ProfileAttribute;
import org.seamline.store.SqlLists;

/**
 * SQL for attributes, tags and consents, in the caller's transaction. Rows belong to the customer that recorded
 * them; reads combine the rows of a canonical customer and everyone merged into it, the most recent row winning.
 */
final class ProfileStore {

    void setAttribute(Connection c, String customerId, String name, String value, String source) throws SQLException {
        removeAttribute(c, customerId, name);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO customer_attribute (customer_id, name, attr_value, source, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, customerId);
            insert.setString(2, name);
            insert.setString(3, value);
            insert.setString(4, source);
            insert.setObject(5, now());
            insert.executeUpdate();
        }
    }

    /**
     * Sets an attribute only where none of the customer's members has it: a channel's name never overwrites an
     * agent's. Answers whether it was set.
     */
    boolean setAttributeIfAbsent(Connection c, List<String> members, String customerId, String name, String value, String source)
            throws SQLException {
        boolean present = attributes(c, members).stream().anyMatch(a -> a.name().equals(name));
        if (!present) {
            setAttribute(c, customerId, name, value, source);
        }
        return !present;
    }

    /** Removes the attribute from every member, so the merged view no longer shows it. */
    void removeAttribute(Connection c, List<String> members, String name) throws SQLException {
        for (String member : members) {
            removeAttribute(c, member, name);
        }
    }

    private static void removeAttribute(Connection c, String customerId, String name) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM customer_attribute WHERE customer_id = ? AND name = ?")) {
            delete.setString(1, customerId);
            delete.setString(2, name);
            delete.executeUpdate();
        }
    }

    void addTag(Connection c, List<String> members, String customerId, String tag, String source) throws SQLException {
        if (tags(c, members).contains(tag)) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO customer_tag (customer_id, tag, source, added_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, customerId);
            insert.setString(2, tag);
            insert.setString(3, source);
            insert.setObject(4, now());
            insert.executeUpdate();
        }
    }

    void removeTag(Connection c, List<String> members, String tag) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM customer_tag WHERE tag = ? AND customer_id IN ("
                + SqlLists.placeholders(members.size()) + ")")) {
            delete.setString(1, tag);
            SqlLists.bind(delete, 2, members);
            delete.executeUpdate();
        }
    }

    void recordConsent(Connection c, String customerId, Consent consent) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM customer_consent WHERE customer_id = ? AND channel = ? AND purpose = ?")) {
            delete.setString(1, customerId);
            delete.setString(2, consent.channel());
            delete.setString(3, consent.purpose().name());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer_consent (customer_id, channel, purpose, "
                + "granted, source, evidence, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, customerId);
            insert.setString(2, consent.channel());
            insert.setString(3, consent.purpose().name());
            insert.setBoolean(4, consent.granted());
            insert.setString(5, consent.source());
            insert.setString(6, consent.evidence());
            insert.setObject(7, consent.recordedAt().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** Per name, the most recently updated value among the members; sorted by name. */
    List<ProfileAttribute> attributes(Connection c, List<String> members) throws SQLException {
        Map<String, ProfileAttribute> latest = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT name, attr_value, source, updated_at FROM customer_attribute "
                + "WHERE customer_id IN (" + SqlLists.placeholders(members.size()) + ") ORDER BY name, updated_at")) {
            SqlLists.bind(q, 1, members);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    latest.put(r.getString(1), new ProfileAttribute(r.getString(1), r.getString(2), r.getString(3), instant(r, 4)));
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    List<String> tags(Connection c, List<String> members) throws SQLException {
        TreeSet<String> tags = new TreeSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT tag FROM customer_tag WHERE customer_id IN ("
                + SqlLists.placeholders(members.size()) + ")")) {
            SqlLists.bind(q, 1, members);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    tags.add(r.getString(1));
                }
            }
        }
        return new ArrayList<>(tags);
    }

    /** Per channel and purpose, the most recent record among the members. */
    List<Consent> consents(Connection c, List<String> members) throws SQLException {
        Map<String, Consent> latest = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT channel, purpose, granted, source, evidence, recorded_at "
                + "FROM customer_consent WHERE customer_id IN (" + SqlLists.placeholders(members.size()) + ") "
                + "ORDER BY channel, purpose, recorded_at")) {
            SqlLists.bind(q, 1, members);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Consent consent = new Consent(r.getString(1), ConsentPurpose.valueOf(r.getString(2)), r.getBoolean(3),
                            r.getString(4), r.getString(5), instant(r, 6));
                    latest.put(consent.channel() + '\n' + consent.purpose(), consent);
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    /**
     * Whether the customer may be contacted on {@code channel} for {@code purpose}: the most recent record for that
     * channel or for every channel decides; without one, service messages are allowed (the customer wrote to us)
     * and marketing is not.
     */
    static boolean permits(List<Consent> consents, String channel, ConsentPurpose purpose) {
        return consents.stream()
                .filter(consent -> consent.purpose() == purpose)
                .filter(consent -> consent.channel().equals(channel) || consent.channel().equals(Consent.ALL_CHANNELS))
                .max(Comparator.comparing(Consent::recordedAt))
                .map(Consent::granted)
                .orElse(purpose == ConsentPurpose.SERVICE);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
