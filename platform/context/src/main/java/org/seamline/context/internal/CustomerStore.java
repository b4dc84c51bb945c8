package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.seamline.api.message.Identifier;
import org.seamline.context.Customer;
import org.seamline.context.CustomerIdentifier;
import org.seamline.store.SqlLists;

/**
 * SQL for customers and their identifiers; every method works in the caller's connection (and transaction).
 * A merged customer points at its survivor ({@code merged_into}) and at the canonical customer it stands for now
 * ({@code canonical_id}); reads answer for the canonical customer, with the identifiers of every customer merged into it.
 */
final class CustomerStore {

    private static final String COLUMNS = "id, display_name, preferred_channel, preferred_language, created_at";
    private static final int SEARCH_LIMIT = 1000;

    private final MergeChain chain = new MergeChain("customer");
    private final ProfileStore profiles = new ProfileStore();

    /** The customer an id stands for now: itself, or the customer it was merged into. Empty for an unknown id. */
    Optional<String> canonical(Connection c, String id) throws SQLException {
        return chain.canonical(c, id);
    }

    /** The canonical customer and every customer merged into it, directly or through others. */
    List<String> members(Connection c, String canonical) throws SQLException {
        return chain.members(c, canonical);
    }

    /** Merges canonical customer {@code merged} (and its group) into canonical {@code into}; false if it is merged already. */
    boolean join(Connection c, String merged, String into) throws SQLException {
        return chain.join(c, merged, into);
    }

    /** Makes a customer merged into {@code from} canonical again, with those merged into it; false if it is not. */
    boolean separate(Connection c, String merged, String from) throws SQLException {
        return chain.separate(c, merged, from);
    }

    /** Who owns an identifier, and whether a provider reported it undeliverable. */
    record Owner(String customerId, boolean undeliverable) {
    }

    Optional<String> owner(Connection c, Identifier identifier) throws SQLException {
        return ownership(c, identifier).map(Owner::customerId);
    }

    /** Whether any customer has an identifier of this type (a provider-specific type, once a channel recorded one). */
    boolean hasType(Connection c, String type) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM customer_identifier WHERE id_type = ? LIMIT 1")) {
            q.setString(1, type);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    Optional<Owner> ownership(Connection c, Identifier identifier) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT customer_id, undeliverable_since FROM customer_identifier WHERE id_type = ? AND id_value = ?")) {
            q.setString(1, identifier.type());
            q.setString(2, identifier.value());
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(new Owner(r.getString(1), r.getObject(2) != null)) : Optional.empty();
            }
        }
    }

    String create(Connection c, String displayName) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO customer (id, display_name, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, displayName);
            insert.setObject(3, now());
            insert.executeUpdate();
        }
        return id;
    }

    void link(Connection c, String customerId, Identifier identifier, String source, String evidence, int confidence)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer_identifier "
                + "(id_type, id_value, customer_id, source, evidence, confidence, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, identifier.type());
            insert.setString(2, identifier.value());
            insert.setString(3, customerId);
            insert.setString(4, source);
            insert.setString(5, evidence);
            insert.setInt(6, confidence);
            insert.setObject(7, now());
            insert.executeUpdate();
        }
    }

    /** Marks an address as unable to receive, with the provider's reason. */
    void markUndeliverable(Connection c, Identifier identifier, String reason) throws SQLException {
        IdentityCache.bump(c);
        try (PreparedStatement update = c.prepareStatement("UPDATE customer_identifier SET undeliverable_since = ?, "
                + "undeliverable_reason = ? WHERE id_type = ? AND id_value = ?")) {
            update.setObject(1, now());
            update.setString(2, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            update.setString(3, identifier.type());
            update.setString(4, identifier.value());
            update.executeUpdate();
        }
    }

    /** The address works again (the customer wrote from it). */
    void markDeliverable(Connection c, Identifier identifier) throws SQLException {
        IdentityCache.bump(c);
        try (PreparedStatement update = c.prepareStatement("UPDATE customer_identifier SET undeliverable_since = NULL, "
                + "undeliverable_reason = NULL WHERE id_type = ? AND id_value = ?")) {
            update.setString(1, identifier.type());
            update.setString(2, identifier.value());
            update.executeUpdate();
        }
    }

    /** The identifiers these customers own, as (type, normalised value). */
    Set<Identifier> identifiersOf(Connection c, List<String> customerIds) throws SQLException {
        Set<Identifier> identifiers = new LinkedHashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id_type, id_value FROM customer_identifier WHERE customer_id IN ("
                + SqlLists.placeholders(customerIds.size()) + ")")) {
            SqlLists.bind(q, 1, customerIds);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    identifiers.add(new Identifier(r.getString(1), r.getString(2)));
                }
            }
        }
        return identifiers;
    }

    /** Identifiers of the canonical customer and everyone merged into it. */
    int identifierCount(Connection c, String canonical) throws SQLException {
        int count = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM customer_identifier WHERE customer_id = ?")) {
            for (String member : members(c, canonical)) {
                q.setString(1, member);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    count += r.getInt(1);
                }
            }
        }
        return count;
    }

    /** Sets the display name if the customer has none yet: the first name a channel reports wins. */
    void nameIfUnnamed(Connection c, String customerId, String displayName) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE customer SET display_name = ? WHERE id = ? AND display_name IS NULL")) {
            update.setString(1, displayName);
            update.setString(2, customerId);
            update.executeUpdate();
        }
    }

    /** The canonical customer an id stands for (a merged id answers its survivor). */
    Optional<Customer> customer(Connection c, String id) throws SQLException {
        Optional<String> canonical = canonical(c, id);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM customer WHERE id = ?")) {
            q.setString(1, canonical.get());
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return Optional.of(customer(c, r));
            }
        }
    }

    List<Customer> customers(Connection c, int offset, int limit) throws SQLException {
        List<Customer> customers = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM customer WHERE merged_into IS NULL ORDER BY created_at DESC, id LIMIT ? OFFSET ?")) {
            q.setInt(1, limit);
            q.setInt(2, offset);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    customers.add(customer(c, r));
                }
            }
        }
        return customers;
    }

    long count(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM customer WHERE merged_into IS NULL"); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Sets a preference column ({@code preferred_channel} or {@code preferred_language}); null clears it. */
    void setPreference(Connection c, String customerId, String column, String value) throws SQLException {
        if (!column.equals("preferred_channel") && !column.equals("preferred_language")) {
            throw new IllegalArgumentException("not a preference: " + column);
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE customer SET " + column + " = ? WHERE id = ?")) {
            update.setString(1, value);
            update.setString(2, customerId);
            update.executeUpdate();
        }
    }

    /**
     * Canonical customers whose name, an attribute value or an identifier contains {@code text}, newest first. The
     * text is matched literally (LIKE wildcards in it are escaped).
     */
    List<String> search(Connection c, String text) throws SQLException {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<String> matches = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM customer WHERE LOWER(display_name) LIKE ? ESCAPE '\\' "
                + "UNION SELECT customer_id FROM customer_attribute WHERE LOWER(attr_value) LIKE ? ESCAPE '\\' "
                + "UNION SELECT customer_id FROM customer_identifier WHERE id_value LIKE ? ESCAPE '\\'")) {
            q.setMaxRows(SEARCH_LIMIT);
            for (int i = 1; i <= 3; i++) {
                q.setString(i, pattern);
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    matches.add(r.getString(1));
                }
            }
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (String match : matches) {
            canonical(c, match).ifPresent(canonical::add);
        }
        if (canonical.isEmpty()) {
            return List.of();
        }
        List<String> newestFirst = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM customer WHERE id IN ("
                + SqlLists.placeholders(canonical.size()) + ") ORDER BY created_at DESC, id")) {
            SqlLists.bind(q, 1, new ArrayList<>(canonical));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    newestFirst.add(r.getString(1));
                }
            }
        }
        return newestFirst;
    }

    private Customer customer(Connection c, ResultSet row) throws SQLException {
        String id = row.getString("id");
        List<String> members = members(c, id);
        List<CustomerIdentifier> identifiers = new ArrayList<>();
        for (String member : members) {
            identifiers.addAll(identifiers(c, member));
        }
        return new Customer(id, row.getString("display_name"), identifiers, profiles.attributes(c, members),
                profiles.tags(c, members), preference(c, members, row, "preferred_channel"),
                preference(c, members, row, "preferred_language"), profiles.consents(c, members),
                members.subList(1, members.size()), row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** The survivor's preference, else the first merged customer's that has one. */
    private static String preference(Connection c, List<String> members, ResultSet row, String column) throws SQLException {
        String own = row.getString(column);
        if (own != null || members.size() == 1) {
            return own;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + column + " FROM customer WHERE " + column
                + " IS NOT NULL AND id IN (" + SqlLists.placeholders(members.size()) + ") ORDER BY created_at")) {
            SqlLists.bind(q, 1, members);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** Customers by canonical id, in the order given. */
    List<Customer> customers(Connection c, List<String> ids) throws SQLException {
        List<Customer> found = new ArrayList<>();
        for (String id : ids) {
            customer(c, id).ifPresent(found::add);
        }
        return found;
    }

    private List<CustomerIdentifier> identifiers(Connection c, String customerId) throws SQLException {
        List<CustomerIdentifier> identifiers = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id_type, id_value, source, evidence, confidence, linked_at, "
                + "undeliverable_since, undeliverable_reason FROM customer_identifier WHERE customer_id = ? "
                + "ORDER BY linked_at, id_type, id_value")) {
            q.setString(1, customerId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    OffsetDateTime undeliverable = r.getObject(7, OffsetDateTime.class);
                    identifiers.add(new CustomerIdentifier(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getInt(5), r.getObject(6, OffsetDateTime.class).toInstant(),
                            undeliverable == null ? null : undeliverable.toInstant(), r.getString(8)));
                }
            }
        }
        return identifiers;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
