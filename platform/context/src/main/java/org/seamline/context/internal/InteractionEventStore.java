package org.seamline.context.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seamline.api.message.Attachment;
import org.seamline.context.InteractionEvent;
import org.seamline.core.http.Json;
import org.seamline.store.Database;
import org.seamline.store.SqlLists;
import org.seamline.store.StoreFailures;

/** SQL for the events of inbound interactions, in the caller's connection; each key once per interaction. */
final class InteractionEventStore {

    private static final int IDS_PER_STATEMENT = 1000;
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };
    private static final TypeReference<List<Attachment>> FILES = new TypeReference<>() {
    };

    /** The inbox id of the interaction a channel instance accepted under this provider id, by the inbox's unique key. */
    Optional<String> interaction(Connection c, String channel, String instance, String providerMessageId)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id FROM inbox_message WHERE channel = ? AND instance = ? AND provider_message_id = ?")) {
            q.setString(1, channel);
            q.setString(2, instance);
            q.setString(3, providerMessageId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Appends the event unless the interaction has one under its key. PostgreSQL skips a repeat with the unique key
     * itself; H2 (no ON CONFLICT) waits for a concurrent insert of the same key and then refuses it as a duplicate,
     * which is the same answer. Must be the last statement of the caller's transaction on PostgreSQL.
     */
    void append(Connection c, Database.Dialect dialect, String interactionId, String key, String kind,
                Map<String, String> details, List<Attachment> attachments) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO interaction_event "
                + "(interaction_id, event_key, kind, details, attachments, recorded_at) VALUES (?, ?, ?, ?, ?, ?)"
                + (dialect == Database.Dialect.POSTGRESQL ? " ON CONFLICT (interaction_id, event_key) DO NOTHING" : ""))) {
            insert.setString(1, interactionId);
            insert.setString(2, key);
            insert.setString(3, kind);
            insert.setString(4, details.isEmpty() ? null : json(details));
            insert.setString(5, attachments.isEmpty() ? null : json(attachments));
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!StoreFailures.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** The events of these interactions, each interaction's in recorded order; interactions without any are absent. */
    Map<String, List<InteractionEvent>> events(Connection c, List<String> interactionIds) throws SQLException {
        Map<String, List<InteractionEvent>> events = new LinkedHashMap<>();
        for (List<String> ids : chunks(interactionIds)) {
            try (PreparedStatement q = c.prepareStatement("SELECT interaction_id, event_key, kind, details, attachments, "
                    + "recorded_at FROM interaction_event WHERE interaction_id IN (" + SqlLists.placeholders(ids.size())
                    + ") ORDER BY seq")) {
                SqlLists.bind(q, 1, ids);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        events.computeIfAbsent(r.getString(1), id -> new ArrayList<>()).add(new InteractionEvent(
                                r.getString(2), r.getString(3), read(r.getString(4), DETAILS, Map.of()),
                                read(r.getString(5), FILES, List.of()), r.getObject(6, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        }
        return events;
    }

    /** Deletes the events of these interactions; answers how many went. */
    int erase(Connection c, List<String> interactionIds) throws SQLException {
        int erased = 0;
        for (List<String> ids : chunks(interactionIds)) {
            erased += SqlLists.deleteWhereIn(c, "interaction_event", "interaction_id", ids);
        }
        return erased;
    }

    /** Ids per statement: a person may have more interactions than a statement takes parameters (PostgreSQL: 32767). */
    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)));
        }
        return chunks;
    }

    private static String json(Object value) throws SQLException {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("an interaction event cannot be written as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type, T none) throws SQLException {
        if (json == null) {
            return none;
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("an interaction event is not readable", e);
        }
    }
}
