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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.OutboundMessage;
import org.seamline.context.TimelineEntry;
import org.seamline.core.http.Json;
import org.seamline.store.Page;

/** SQL for the timeline, in the caller's transaction: appended in processing order, read back in that order. */
final class TimelineStore {

    private static final String COLUMNS = "seq, customer_id, conversation_id, kind, direction, channel, instance, "
            + "interaction_id, provider_message_id, text, attachments, occurred_at";
    private static final TypeReference<List<Attachment>> FILES = new TypeReference<>() {
    };

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

    /**
     * A delivery status of an outbound message, once per status ({@code kind = status:SENT}, …): a repeated report
     * of the same status adds nothing. Answers whether an entry was added.
     */
    boolean status(Connection c, String customerId, OutboundMessage message, DeliveryStatus status, String detail)
            throws SQLException {
        String kind = "status:" + status.name();
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM timeline_entry WHERE interaction_id = ? AND kind = ?")) {
            exists.setString(1, message.id());
            exists.setString(2, kind);
            try (ResultSet r = exists.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
        }
        append(c, List.of(new Entry(customerId, message.conversationId(), kind, "out", message.channel(), message.instance(),
                message.id(), null, detail, List.of(), Instant.now())));
        return true;
    }

    /**
     * Something that is not a message: a merge or unmerge (naming the other customer), a conversation's status or
     * assignee change (naming who did it). {@code conversationId} may be null.
     */
    void event(Connection c, String customerId, String conversationId, String kind, String text) throws SQLException {
        append(c, List.of(new Entry(customerId, conversationId, kind, null, null, null, null, null, text, List.of(), Instant.now())));
    }

    /** Rows per INSERT: 11 parameters each, well below the drivers' limits. */
    private static final int ROWS_PER_STATEMENT = 100;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Appends entries in their order, up to {@link #ROWS_PER_STATEMENT} per multi-row INSERT: the timeline's write
     * path costs one round trip (and one statement for the server to run) per batch, not per entry.
     */
    void append(Connection c, List<Entry> entries) throws SQLException {
        for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
            List<Entry> rows = entries.subList(from, Math.min(from + ROWS_PER_STATEMENT, entries.size()));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO timeline_entry (customer_id, conversation_id, kind, "
                    + "direction, channel, instance, interaction_id, provider_message_id, text, attachments, occurred_at) VALUES "
                    + String.join(", ", Collections.nCopies(rows.size(), ROW)))) {
                int p = 1;
                for (Entry entry : rows) {
                    insert.setString(p++, entry.customerId());
                    insert.setString(p++, entry.conversationId());
                    insert.setString(p++, entry.kind());
                    insert.setString(p++, entry.direction());
                    insert.setString(p++, entry.channel());
                    insert.setString(p++, entry.instance());
                    insert.setString(p++, entry.interactionId());
                    insert.setString(p++, entry.providerMessageId());
                    insert.setString(p++, entry.text());
                    insert.setString(p++, entry.attachments() == null || entry.attachments().isEmpty() ? null : json(entry.attachments()));
                    insert.setObject(p++, entry.occurredAt().atOffset(ZoneOffset.UTC));
                }
                insert.executeUpdate();
            }
        }
    }

    /** The inbox interaction of the latest inbound message on {@code channel} in these conversations. */
    Optional<String> latestInbound(Connection c, List<String> conversationIds, String channel) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT interaction_id FROM timeline_entry WHERE conversation_id IN ("
                + SqlLists.placeholders(conversationIds.size()) + ") AND kind = 'message' AND direction = 'in' AND channel = ? "
                + "ORDER BY seq DESC LIMIT 1")) {
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
        return new Page<>(entries, total, offset, limit);
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
