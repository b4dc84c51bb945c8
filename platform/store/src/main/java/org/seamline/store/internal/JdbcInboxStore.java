package org.seamline.store.internal;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.message.InboundMessage;
import org.seamline.store.Database;
import org.seamline.store.InboxStore;
import org.seamline.store.Interaction;
import org.seamline.store.Page;

/** {@link InboxStore} on the platform database; the same SQL runs on H2 and PostgreSQL. */
@Component(service = InboxStore.class)
public class JdbcInboxStore implements InboxStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, seq, payload, stored_at";

    private final Database database;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Activate
    public JdbcInboxStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public List<Acceptance> insert(List<InboundMessage> messages) throws SQLException {
        try {
            return insertOnce(messages);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // Another node stored one of these keys between our lookup and our insert: its row is visible now.
            return insertOnce(messages);
        }
    }

    private List<Acceptance> insertOnce(List<InboundMessage> messages) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<Key, String> known = existing(connection, messages);
                List<Acceptance> answers = new ArrayList<>(messages.size());
                List<String> newIds = new ArrayList<>();
                List<InboundMessage> fresh = new ArrayList<>();
                for (InboundMessage message : messages) {
                    Key key = Key.of(message);
                    String id = known.get(key);
                    if (id != null) {
                        answers.add(new Acceptance(id, true));
                    } else {
                        id = UUID.randomUUID().toString();
                        known.put(key, id);
                        newIds.add(id);
                        fresh.add(message);
                        answers.add(new Acceptance(id, false));
                    }
                }
                insertRows(connection, newIds, fresh);
                connection.commit();
                return answers;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Map<Key, String> existing(Connection connection, List<InboundMessage> messages) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT channel, instance, provider_message_id, id FROM inbox_message WHERE (channel, instance, provider_message_id) IN (");
        for (int i = 0; i < messages.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        sql.append(')');
        Map<Key, String> known = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (InboundMessage message : messages) {
                query.setString(p++, message.channel());
                query.setString(p++, message.instance());
                query.setString(p++, message.providerMessageId());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    known.put(new Key(rows.getString(1), rows.getString(2), rows.getString(3)), rows.getString(4));
                }
            }
        }
        return known;
    }

    private void insertRows(Connection connection, List<String> ids, List<InboundMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_message "
                + "(id, channel, instance, provider_message_id, payload, received_at, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < messages.size(); i++) {
                InboundMessage message = messages.get(i);
                insert.setString(1, ids.get(i));
                insert.setString(2, message.channel());
                insert.setString(3, message.instance());
                insert.setString(4, message.providerMessageId());
                insert.setString(5, toJson(message));
                insert.setObject(6, message.receivedAt().atOffset(ZoneOffset.UTC));
                insert.setObject(7, now);
                insert.addBatch();
            }
            insert.executeBatch();
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

    private Interaction interaction(ResultSet row) throws SQLException {
        try {
            InboundMessage message = json.readValue(row.getString("payload"), InboundMessage.class);
            Instant storedAt = row.getObject("stored_at", OffsetDateTime.class).toInstant();
            return new Interaction(row.getString("id"), row.getLong("seq"), message, storedAt);
        } catch (JsonProcessingException e) {
            throw new SQLException("Stored inbox message " + row.getString("id") + " is not readable", e);
        }
    }

    private String toJson(InboundMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Message cannot be serialised", e);
        }
    }

    private record Key(String channel, String instance, String providerMessageId) {
        static Key of(InboundMessage message) {
            return new Key(message.channel(), message.instance(), message.providerMessageId());
        }
    }
}
