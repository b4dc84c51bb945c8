package org.seamline.store.internal;

import org.seamline.store.SqlLists;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.store.Database;
import org.seamline.store.InboxStore;
import org.seamline.store.Interaction;
import org.seamline.store.Page;
import org.seamline.store.SetAside;
import org.seamline.store.StoreFailures;

/** {@link InboxStore} on the platform database; the same SQL runs on H2 and PostgreSQL. */
@Component(service = InboxStore.class)
public class JdbcInboxStore implements InboxStore {

    private static final String COLUMNS = "id, seq, payload, stored_at";
    /** Messages erased per statement: a person may have more than a statement takes parameters (PostgreSQL: 32767). */
    private static final int ERASED_TOGETHER = 1000;

    private final Database database;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Activate
    public JdbcInboxStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public List<Acceptance> insert(List<InboundMessage> messages) throws SQLException {
        List<Acceptance> answers = new ArrayList<>(insertRetrying(messages));
        // A repeat whose fingerprint differs from the stored message's is another message reusing the id. Only repeats
        // that carry a fingerprint cost the look at the stored ones (a retried webhook without one costs nothing more).
        List<String> compared = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (answers.get(i).duplicate() && messages.get(i).metadata().containsKey(MessageMetadata.FINGERPRINT)) {
                compared.add(answers.get(i).interactionId());
            }
        }
        Map<String, String> storedFingerprints = fingerprints(compared.stream().distinct().toList());
        List<Integer> reusedAt = new ArrayList<>();
        List<InboundMessage> renamed = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String fingerprint = messages.get(i).metadata().get(MessageMetadata.FINGERPRINT);
            String stored = storedFingerprints.get(answers.get(i).interactionId());
            if (answers.get(i).duplicate() && fingerprint != null && stored != null && !stored.equals(fingerprint)) {
                reusedAt.add(i);
                renamed.add(messages.get(i).withProviderMessageId(reusedId(messages.get(i).providerMessageId(), fingerprint)));
            }
        }
        if (!renamed.isEmpty()) {
            List<Acceptance> second = insertRetrying(renamed);
            for (int j = 0; j < reusedAt.size(); j++) {
                answers.set(reusedAt.get(j), second.get(j));
            }
        }
        return answers;
    }

    /** The id a message reusing another's id is stored under; within the column's 512 characters. */
    private static String reusedId(String providerMessageId, String fingerprint) {
        String suffix = "#" + fingerprint.substring(0, Math.min(16, fingerprint.length()));
        return providerMessageId.substring(0, Math.min(providerMessageId.length(), 512 - suffix.length())) + suffix;
    }

    private List<Acceptance> insertRetrying(List<InboundMessage> messages) throws SQLException {
        try {
            return insertOnce(messages);
        } catch (SQLException e) {
            if (!StoreFailures.isUniqueViolation(e)) {
                throw e;
            }
            // Another node stored one of these keys between our lookup and our insert: its row is visible now.
            return insertOnce(messages);
        }
    }

    /** The fingerprints of these stored messages (those that have one), by id. */
    private Map<String, String> fingerprints(List<String> ids) throws SQLException {
        Map<String, String> fingerprints = new HashMap<>();
        if (ids.isEmpty()) {
            return fingerprints;
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM inbox_message WHERE id IN ("
                     + SqlLists.placeholders(ids.size()) + ")")) {
            SqlLists.bind(query, 1, ids);
            for (Interaction stored : interactions(query)) {
                String fingerprint = stored.message().metadata().get(MessageMetadata.FINGERPRINT);
                if (fingerprint != null) {
                    fingerprints.put(stored.id(), fingerprint);
                }
            }
        }
        return fingerprints;
    }

    private List<Acceptance> insertOnce(List<InboundMessage> messages) throws SQLException {
        Map<Key, InboundMessage> distinct = new LinkedHashMap<>();
        messages.forEach(m -> distinct.putIfAbsent(Key.of(m), m));
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<Key, Row> erased = erased(connection, distinct.keySet());
                Map<Key, InboundMessage> fresh = new LinkedHashMap<>(distinct);
                fresh.keySet().removeAll(erased.keySet());
                Map<Key, Row> stored = database.dialect() == Database.Dialect.POSTGRESQL
                        ? insertSkippingConflicts(connection, fresh)
                        : insertUnknown(connection, fresh);
                stored.putAll(erased);
                connection.commit();
                return answers(messages, distinct, stored);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * PostgreSQL: the unique key itself skips repeats ({@code ON CONFLICT DO NOTHING}), in one batch; only the
     * skipped rows are looked up. Answers the id of every key (new or already stored).
     */
    private Map<Key, Row> insertSkippingConflicts(Connection connection, Map<Key, InboundMessage> distinct) throws SQLException {
        Map<Key, String> ids = newIds(distinct.keySet());
        int[] inserted = insertRows(connection, distinct, ids,
                " ON CONFLICT (channel, instance, provider_message_id) DO NOTHING");
        int i = 0;
        Map<Key, Row> result = new LinkedHashMap<>();
        for (Key key : distinct.keySet()) {
            result.put(key, inserted[i++] == 0 ? new Row(existingId(connection, key), false) : new Row(ids.get(key), true));
        }
        return result;
    }

    /** H2 (no ON CONFLICT): look the keys up on the unique index, insert the unknown ones. */
    private Map<Key, Row> insertUnknown(Connection connection, Map<Key, InboundMessage> distinct) throws SQLException {
        Map<Key, Row> result = new LinkedHashMap<>();
        Map<Key, InboundMessage> unknown = new LinkedHashMap<>();
        for (Map.Entry<Key, InboundMessage> entry : distinct.entrySet()) {
            String id = existingId(connection, entry.getKey());
            if (id == null) {
                unknown.put(entry.getKey(), entry.getValue());
            } else {
                result.put(entry.getKey(), new Row(id, false));
            }
        }
        Map<Key, String> ids = newIds(unknown.keySet());
        insertRows(connection, unknown, ids, "");
        ids.forEach((key, id) -> result.put(key, new Row(id, true)));
        return result;
    }

    /** The keys among these whose message was erased, each with the erased message's id: repeats, not stored again. */
    private static Map<Key, Row> erased(Connection connection, Set<Key> keys) throws SQLException {
        Map<Key, Row> erased = new HashMap<>();
        if (keys.isEmpty()) {
            return erased;
        }
        Map<String, Key> byHash = new LinkedHashMap<>();
        keys.forEach(key -> byHash.put(key.hash(), key));
        try (PreparedStatement query = connection.prepareStatement("SELECT key_hash, interaction_id FROM erased_message "
                + "WHERE key_hash IN (" + SqlLists.placeholders(byHash.size()) + ")")) {
            SqlLists.bind(query, 1, List.copyOf(byHash.keySet()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    erased.put(byHash.get(rows.getString(1)), new Row(rows.getString(2), false));
                }
            }
        }
        return erased;
    }

    /** One acceptance per message in order; only the first occurrence of a newly stored key is not a duplicate. */
    private static List<Acceptance> answers(List<InboundMessage> messages, Map<Key, InboundMessage> distinct,
                                            Map<Key, Row> rows) {
        List<Acceptance> answers = new ArrayList<>(messages.size());
        for (InboundMessage message : messages) {
            Key key = Key.of(message);
            Row row = rows.get(key);
            boolean fresh = row.createdNow() && distinct.get(key) == message;
            answers.add(new Acceptance(row.id(), !fresh));
        }
        return answers;
    }

    private static Map<Key, String> newIds(Set<Key> keys) {
        Map<Key, String> ids = new LinkedHashMap<>();
        keys.forEach(key -> ids.put(key, UUID.randomUUID().toString()));
        return ids;
    }

    /** The stored id of one key, by the unique (channel, instance, provider_message_id) index; null if unknown. */
    private static String existingId(Connection connection, Key key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM inbox_message WHERE channel = ? AND instance = ? AND provider_message_id = ?")) {
            query.setString(1, key.channel());
            query.setString(2, key.instance());
            query.setString(3, key.providerMessageId());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Inserts the messages as one JDBC batch; answers the per-row update counts (0 = skipped by ON CONFLICT). */
    private int[] insertRows(Connection connection, Map<Key, InboundMessage> messages, Map<Key, String> ids, String onConflict)
            throws SQLException {
        if (messages.isEmpty()) {
            return new int[0];
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_message "
                + "(id, channel, instance, provider_message_id, payload, received_at, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + onConflict)) {
            for (Map.Entry<Key, InboundMessage> entry : messages.entrySet()) {
                InboundMessage message = entry.getValue();
                insert.setString(1, ids.get(entry.getKey()));
                insert.setString(2, message.channel());
                insert.setString(3, message.instance());
                insert.setString(4, message.providerMessageId());
                insert.setString(5, toJson(message));
                insert.setObject(6, message.receivedAt().atOffset(ZoneOffset.UTC));
                insert.setObject(7, now);
                insert.addBatch();
            }
            return insert.executeBatch();
        }
    }

    @Override
    public Optional<Interaction> find(String id) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM inbox_message WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(interaction(rows)) : Optional.empty();
            }
        }
    }

    @Override
    public Page<Interaction> list(String channel, int offset, int limit) throws SQLException {
        String where = channel == null ? "" : " WHERE channel = ?";
        try (Connection connection = database.dataSource().getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM inbox_message" + where)) {
                if (channel != null) {
                    count.setString(1, channel);
                }
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<Interaction> items = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM inbox_message" + where
                    + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                int p = 1;
                if (channel != null) {
                    query.setString(p++, channel);
                }
                query.setInt(p++, limit);
                query.setInt(p, offset);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        items.add(interaction(rows));
                    }
                }
            }
            return new Page<>(items, total, offset, limit);
        }
    }

    @Override
    public List<Interaction> byCustomers(Connection connection, List<String> customerIds) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM inbox_message WHERE customer_id IN (" + SqlLists.placeholders(customerIds.size()) + ") ORDER BY seq")) {
            SqlLists.bind(query, 1, customerIds);
            return interactions(query);
        }
    }

    @Override
    public List<Interaction> unresolved(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM inbox_message "
                + "WHERE processed_at IS NULL OR processing_error IS NOT NULL ORDER BY seq FOR UPDATE")) {
            return interactions(query);
        }
    }

    @Override
    public int erase(Connection connection, List<String> interactionIds) throws SQLException {
        int erased = 0;
        for (int from = 0; from < interactionIds.size(); from += ERASED_TOGETHER) {
            erased += eraseSome(connection, interactionIds.subList(from, Math.min(from + ERASED_TOGETHER, interactionIds.size())));
        }
        return erased;
    }

    private int eraseSome(Connection connection, List<String> interactionIds) throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>(); // key hash -> interaction id
        try (PreparedStatement query = connection.prepareStatement("SELECT id, channel, instance, provider_message_id "
                + "FROM inbox_message WHERE id IN (" + SqlLists.placeholders(interactionIds.size()) + ")")) {
            SqlLists.bind(query, 1, interactionIds);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hashes.put(new Key(rows.getString(2), rows.getString(3), rows.getString(4)).hash(), rows.getString(1));
                }
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO erased_message (key_hash, interaction_id, erased_at) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> hash : hashes.entrySet()) {
                insert.setString(1, hash.getKey());
                insert.setString(2, hash.getValue());
                insert.setObject(3, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return SqlLists.deleteWhereIn(connection, "inbox_message", "id", interactionIds);
    }

    @Override
    public List<Interaction> pending(int limit) throws SQLException {
        List<Interaction> items = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        do {
            unreadable.clear();
            try (Connection connection = database.dataSource().getConnection();
                 PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                         + " FROM inbox_message WHERE processed_at IS NULL ORDER BY seq LIMIT ?")) {
                query.setInt(1, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        try {
                            items.add(interaction(rows));
                        } catch (Unreadable e) {
                            unreadable.add(rows.getString("id"));
                        }
                    }
                }
            }
            // One stored message nobody can read must not hold up every message after it.
            for (String id : unreadable) {
                markFailed(id, "the stored message is not readable");
            }
        } while (items.isEmpty() && !unreadable.isEmpty());
        return items;
    }

    @Override
    public boolean markProcessed(Connection connection, List<Processed> messages) throws SQLException {
        if (messages.isEmpty()) {
            return true;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement update = connection.prepareStatement("UPDATE inbox_message SET customer_id = ?, "
                + "conversation_id = ?, processed_at = ? WHERE id = ? AND processed_at IS NULL")) {
            for (Processed message : messages) {
                update.setString(1, message.customerId());
                update.setString(2, message.conversationId());
                update.setObject(3, now);
                update.setString(4, message.interactionId());
                update.addBatch();
            }
            return Arrays.stream(update.executeBatch()).allMatch(count -> count == 1);
        }
    }

    @Override
    public void markFailed(String interactionId, String reason) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE inbox_message SET processing_error = ?, processed_at = ? WHERE id = ? AND processed_at IS NULL")) {
            update.setString(1, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            update.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            update.setString(3, interactionId);
            update.executeUpdate();
        }
    }

    @Override
    public List<SetAside> setAside(int offset, int limit) throws SQLException {
        List<SetAside> items = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + ", processing_error FROM inbox_message "
                     + "WHERE processing_error IS NOT NULL AND discarded_at IS NULL ORDER BY seq LIMIT ? OFFSET ?")) {
            query.setInt(1, limit);
            query.setInt(2, offset);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Optional<Interaction> message;
                    try {
                        message = Optional.of(interaction(rows));
                    } catch (Unreadable e) {
                        // Listed by its id: one unreadable row must not hide every other dead letter.
                        message = Optional.empty();
                    }
                    items.add(new SetAside(rows.getString("id"), message, rows.getString("processing_error")));
                }
            }
        }
        return items;
    }

    @Override
    public boolean retry(String interactionId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE inbox_message SET processing_error = NULL, "
                     + "processed_at = NULL WHERE id = ? AND processing_error IS NOT NULL AND discarded_at IS NULL")) {
            update.setString(1, interactionId);
            return update.executeUpdate() > 0;
        }
    }

    @Override
    public boolean discard(String interactionId, String actor) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE inbox_message SET discarded_at = ?, "
                     + "discarded_by = ? WHERE id = ? AND processing_error IS NOT NULL AND discarded_at IS NULL")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            update.setString(2, actor);
            update.setString(3, interactionId);
            return update.executeUpdate() > 0;
        }
    }

    private List<Interaction> interactions(PreparedStatement query) throws SQLException {
        List<Interaction> items = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                items.add(interaction(rows));
            }
        }
        return items;
    }

    private Interaction interaction(ResultSet row) throws SQLException {
        try {
            InboundMessage message = json.readValue(row.getString("payload"), InboundMessage.class);
            Instant storedAt = row.getObject("stored_at", OffsetDateTime.class).toInstant();
            return new Interaction(row.getString("id"), row.getLong("seq"), message, storedAt);
        } catch (JsonProcessingException e) {
            throw new Unreadable(row.getString("id"), e);
        }
    }

    /** A stored message whose payload no longer reads as a message: a data exception (SQLSTATE 22000) of that row. */
    private static final class Unreadable extends SQLException {
        private static final long serialVersionUID = 1L;

        Unreadable(String id, Throwable cause) {
            super("Stored inbox message " + id + " is not readable", "22000", cause);
        }
    }

    private String toJson(InboundMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Message cannot be serialised", e);
        }
    }

    /** A key's row id, and whether this transaction created it. */
    private record Row(String id, boolean createdNow) {
    }

    private record Key(String channel, String instance, String providerMessageId) {
        static Key of(InboundMessage message) {
            return new Key(message.channel(), message.instance(), message.providerMessageId());
        }

        /** SHA-256 of the key, hex: what an erased message leaves behind. Channel and instance names hold no NUL. */
        String hash() {
            return Sha256.hex(channel + '\0' + instance + '\0' + providerMessageId);
        }
    }
}
