package org.seamline.context.internal;

import org.seamline.store.SqlLists;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.OutboundMessage;
import org.seamline.context.ConversationStatus;
import org.seamline.context.InteractionEvent;
import org.seamline.context.TimelineEntry;
import org.seamline.core.http.Json;
import org.seamline.store.Page;

/** SQL for the timeline, in the caller's transaction: appended in processing order, read back in that order. */
final class TimelineStore {

    private static final String COLUMNS = "seq, customer_id, conversation_id, kind, direction, channel, instance, "
            + "interaction_id, provider_message_id, text, attachments, occurred_at";
    private static final TypeReference<List<Attachment>> FILES = new TypeReference<>() {
    };

    private final InteractionEventStore interactionEvents = new InteractionEventStore();

    /** One row of the timeline, before it is stored. */
    record Entry(String customerId, String conversationId, String kind, String direction, String channel, String instance,
                 String interactionId, String providerMessageId, String text, List<Attachment> attachments, Instant occurredAt) {
    }

    /** A message, or a call when the channel says so ({@link MessageMetadata#KIND}); nothing else names a kind. */
    static Entry inbound(String customerId, String conversationId, InboundMessage message, String interactionId) {
        String kind = MessageMetadata.CALL.equals(message.metadata().get(MessageMetadata.KIND)) ? MessageMetadata.CALL : "message";
        return new Entry(customerId, conversationId, kind, "in", message.channel(), message.instance(), interactionId,
                message.providerMessageId(), message.text(), message.attachments(),
                message.sentAt() != null ? message.sentAt() : message.receivedAt());
    }

    void outbound(Connection c, String customerId, OutboundMessage message) throws SQLException {
        append(c, List.of(new Entry(customerId, message.conversationId(), "message", "out", message.channel(), message.instance(),
                message.id(), null, message.text(), message.attachments(), Instant.now())));
    }

    /** A delivery status of an outbound message ({@code kind = status:SENT}, …); the caller records each once. */
    void status(Connection c, String customerId, OutboundMessage message, DeliveryStatus status, String detail)
            throws SQLException {
        append(c, List.of(new Entry(customerId, message.conversationId(), "status:" + status.name(), "out", message.channel(),
                message.instance(), message.id(), null, detail, List.of(), Instant.now())));
    }

    /** The kind of the entry that flags a conversation for an agent because of one of its outbound messages. */
    static final String FLAGGED = "conversation:flagged";

    /** A provider's report on an outbound message that an agent must act on ({@link #FLAGGED}). */
    void flagged(Connection c, String customerId, OutboundMessage message, String reason) throws SQLException {
        append(c, List.of(new Entry(customerId, message.conversationId(), FLAGGED, "out", message.channel(),
                message.instance(), message.id(), null, reason, List.of(), Instant.now())));
    }

    /** Whether the message already flagged its conversation for this reason. */
    boolean isFlagged(Connection c, OutboundMessage message, String reason) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM timeline_entry WHERE conversation_id = ? "
                + "AND kind = ? AND interaction_id = ? AND text = ?")) {
            q.setString(1, message.conversationId());
            q.setString(2, FLAGGED);
            q.setString(3, message.id());
            q.setString(4, reason);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    /** A conversation's status change ({@code conversation:resolved}, …), naming who made it. */
    void statusChanged(Connection c, String customerId, String conversationId, ConversationStatus from,
                       ConversationStatus to, String actor) throws SQLException {
        String after = to.name().toLowerCase(Locale.ROOT);
        event(c, customerId, conversationId, "conversation:" + after,
                "status " + from.name().toLowerCase(Locale.ROOT) + " → " + after + " by " + actor);
    }

    /**
     * Something that is not a message: a merge or unmerge (naming the other customer), a conversation's status or
     * assignee change (naming who did it). {@code conversationId} may be null.
     */
    void event(Connection c, String customerId, String conversationId, String kind, String text) throws SQLException {
        append(c, List.of(new Entry(customerId, conversationId, kind, null, null, null, null, null, text, List.of(), Instant.now())));
    }

    /** An agent's internal note, under its own id so it can be found again ({@code Conversations.entry}). */
    void note(Connection c, String customerId, String conversationId, String noteId, String text) throws SQLException {
        append(c, List.of(new Entry(customerId, conversationId, "note", null, null, null, noteId, null, text, List.of(), Instant.now())));
    }

    /** The columns an append writes, each bound as an array of text (the time as ISO-8601, cast by the statement). */
    private static final String[] APPENDED = {"customer_id", "conversation_id", "kind", "direction", "channel", "instance",
        "interaction_id", "provider_message_id", "text", "attachments", "occurred_at"};
    private static final String APPEND = "INSERT INTO timeline_entry (" + String.join(", ", APPENDED) + ") SELECT "
            + String.join(", ", Arrays.copyOf(APPENDED, APPENDED.length - 1))
            + ", CAST(occurred_at AS TIMESTAMP WITH TIME ZONE) FROM UNNEST("
            + String.join(", ", Collections.nCopies(APPENDED.length, "CAST(? AS VARCHAR ARRAY)"))
            + ") WITH ORDINALITY AS e(" + String.join(", ", APPENDED) + ", n) ORDER BY n";

    /**
     * Appends entries in their order with one statement, a column of values per parameter: the timeline's write path
     * costs one round trip per batch, and the server binds eleven arrays rather than eleven values per entry (on
     * PostgreSQL a fifth faster than a multi-row VALUES list). The order of the list is the order of the timeline.
     */
    void append(Connection c, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        String[][] columns = new String[APPENDED.length][entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            columns[0][i] = entry.customerId();
            columns[1][i] = entry.conversationId();
            columns[2][i] = entry.kind();
            columns[3][i] = entry.direction();
            columns[4][i] = entry.channel();
            columns[5][i] = entry.instance();
            columns[6][i] = entry.interactionId();
            columns[7][i] = entry.providerMessageId();
            columns[8][i] = entry.text();
            columns[9][i] = entry.attachments() == null || entry.attachments().isEmpty() ? null : json(entry.attachments());
            columns[10][i] = entry.occurredAt().toString();
        }
        try (PreparedStatement insert = c.prepareStatement(APPEND)) {
            for (int column = 0; column < columns.length; column++) {
                insert.setArray(column + 1, c.createArrayOf("varchar", columns[column]));
            }
            insert.executeUpdate();
        }
    }

    /**
     * The inbox interaction of the latest inbound message on {@code channel} in these conversations. "seq + 0" keeps
     * PostgreSQL from walking the primary key backwards until a row matches: for a large conversation the customer
     * never wrote on this channel, that walk read the whole table (566 ms in a 2 M-entry timeline); reading the
     * conversation's entries and taking the latest is bounded by the conversation.
     */
    Optional<String> latestInbound(Connection c, List<String> conversationIds, String channel) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT interaction_id FROM timeline_entry WHERE conversation_id IN ("
                + SqlLists.placeholders(conversationIds.size()) + ") AND kind = 'message' AND direction = 'in' AND channel = ? "
                + "ORDER BY seq + 0 DESC LIMIT 1")) {
            q.setString(SqlLists.bind(q, 1, conversationIds), channel);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** Entries whose {@code column} (customer_id or conversation_id) is one of {@code ids}, oldest first. */
    Page<TimelineEntry> entries(Connection c, String column, List<String> ids, int offset, int limit) throws SQLException {
        String where = " FROM timeline_entry WHERE " + column + " IN (" + SqlLists.placeholders(ids.size()) + ")";
        long total;
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*)" + where)) {
            SqlLists.bind(count, 1, ids);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
        }
        List<TimelineEntry> entries = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + where + " ORDER BY seq LIMIT ? OFFSET ?")) {
            int p = SqlLists.bind(q, 1, ids);
            q.setInt(p++, limit);
            q.setInt(p, offset);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    entries.add(new TimelineEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                            files(r.getString(11)), r.getObject(12, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return new Page<>(withEvents(c, entries), total, offset, limit);
    }

    /** Inbound entries with what happened to their interaction after it was accepted (a call's steps), if anything. */
    private List<TimelineEntry> withEvents(Connection c, List<TimelineEntry> entries) throws SQLException {
        List<String> inbound = entries.stream().filter(e -> "in".equals(e.direction()) && e.interactionId() != null)
                .map(TimelineEntry::interactionId).distinct().toList();
        Map<String, List<InteractionEvent>> events = interactionEvents.events(c, inbound);
        if (events.isEmpty()) {
            return entries;
        }
        return entries.stream().map(e -> "in".equals(e.direction()) && events.containsKey(e.interactionId())
                ? e.withEvents(events.get(e.interactionId())) : e).toList();
    }

    private static String json(List<Attachment> attachments) throws SQLException {
        try {
            return Json.mapper().writeValueAsString(attachments);
        } catch (JsonProcessingException e) {
            throw new SQLException("attachments cannot be written as JSON", e);
        }
    }

    private static List<Attachment> files(String json) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, FILES);
        } catch (JsonProcessingException e) {
            throw new SQLException("a timeline entry's attachments are not readable", e);
        }
    }
}
