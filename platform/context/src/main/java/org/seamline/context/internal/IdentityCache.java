package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seamline.api.message.Identifier;

/**
 * Remembers who owns an identifier, which customer a customer stands for, who was merged into it and whether it
 * has a name, so that resolving a known sender costs no query.
 *
 * <p>Whatever changes those answers (merge, unmerge, erasure, an address's deliverability, removing a name) raises
 * the identity version in its own transaction ({@link #bump}). Each transaction that reads through the cache first
 * reads the version; a version other than the one the cache was filled under empties it. What a transaction read
 * from the database is remembered only after it committed, and only if the version is still the one it started
 * with. So a change made by any process sharing the database is seen by the next transaction here, and a
 * rolled-back read is never remembered.
 */
final class IdentityCache {

    private final Map<String, CustomerStore.Owner> owners;
    private final Map<String, String> canonical;
    private final Map<String, List<String>> members;
    /** Customers known to have a {@code name} attribute: a named sender's message needs no look at the profile. */
    private final Map<String, Boolean> named;
    private long version = -1;

    IdentityCache(int capacity) {
        this.owners = LeastRecentlyUsed.map(capacity);
        this.canonical = LeastRecentlyUsed.map(capacity);
        this.members = LeastRecentlyUsed.map(capacity);
        this.named = LeastRecentlyUsed.map(capacity);
    }

    /** Raises the identity version; call it in the transaction that changes an identity. */
    static void bump(Connection c) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE identity_version SET version = version + 1 WHERE id = 1")) {
            update.executeUpdate();
        }
    }

    /** A transaction's view of the cache; one statement, the version read, whatever it then looks up. */
    View open(Connection c) throws SQLException {
        long current;
        try (PreparedStatement q = c.prepareStatement("SELECT version FROM identity_version WHERE id = 1");
             ResultSet r = q.executeQuery()) {
            r.next();
            current = r.getLong(1);
        }
        synchronized (this) {
            if (current != version) {
                owners.clear();
                canonical.clear();
                members.clear();
                named.clear();
                version = current;
            }
        }
        return new View(current);
    }

    synchronized int size() {
        return owners.size() + canonical.size() + members.size() + named.size();
    }

    private static String key(Identifier identifier) {
        return identifier.type() + ':' + identifier.value();
    }

    /**
     * Reads through the cache for one transaction and collects what it read from the database. Once the transaction
     * changes an identity itself ({@link #changed()}), it reads only the database and leaves nothing behind.
     */
    final class View {

        private final long openedAt;
        private boolean changed;
        private final Map<String, CustomerStore.Owner> readOwners = new HashMap<>();
        private final Map<String, String> readCanonical = new HashMap<>();
        private final Map<String, List<String>> readMembers = new HashMap<>();
        private final Map<String, Boolean> readNamed = new HashMap<>();

        private View(long openedAt) {
            this.openedAt = openedAt;
        }

        Optional<CustomerStore.Owner> ownership(Connection c, CustomerStore store, Identifier identifier) throws SQLException {
            String key = key(identifier);
            CustomerStore.Owner known = changed ? null : cached(owners, key);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<CustomerStore.Owner> read = store.ownership(c, identifier);
            read.ifPresent(owner -> readOwners.put(key, owner));
            return read;
        }

        Optional<String> canonical(Connection c, CustomerStore store, String customerId) throws SQLException {
            String known = changed ? null : cached(canonical, customerId);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<String> read = store.canonical(c, customerId);
            read.ifPresent(id -> readCanonical.put(customerId, id));
            return read;
        }

        List<String> members(Connection c, CustomerStore store, String canonicalId) throws SQLException {
            List<String> known = changed ? null : cached(members, canonicalId);
            if (known != null) {
                return known;
            }
            List<String> read = List.copyOf(store.members(c, canonicalId));
            readMembers.put(canonicalId, read);
            return read;
        }

        /** Whether the customer is known to have a {@code name} attribute. */
        boolean named(String customerId) {
            return !changed && Boolean.TRUE.equals(cached(named, customerId));
        }

        /** The customer has a {@code name} attribute now (it had one, or this transaction gave it one). */
        void learnNamed(String customerId) {
            readNamed.put(customerId, Boolean.TRUE);
        }

        /** This transaction changes an identity (and raised the version): trust and keep nothing. */
        void changed() {
            changed = true;
        }

        /** After the transaction committed: keep what it read, unless identities changed meanwhile. */
        void remember() {
            if (changed) {
                return;
            }
            synchronized (IdentityCache.this) {
                if (version != openedAt) {
                    return;
                }
                owners.putAll(readOwners);
                canonical.putAll(readCanonical);
                members.putAll(readMembers);
                named.putAll(readNamed);
            }
        }

        private <V> V cached(Map<String, V> map, String key) {
            synchronized (IdentityCache.this) {
                return version == openedAt ? map.get(key) : null;
            }
        }
    }
}
