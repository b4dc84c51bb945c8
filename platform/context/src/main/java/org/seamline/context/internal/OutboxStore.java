package org.seamline.context.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.OutboundMessage;
import org.seamline.store.SqlLists;
import org.seamline.context.FailedReply;
import org.seamline.core.http.Json;

/** SQL for the outbox, in the caller's connection. */
final class OutboxStore {

    /**
     * A queued message with what the dispatcher needs to send and record it, and the fingerprint of the request
     * that queued it (null for rows queued before fingerprints were kept).
     */
    record Row(String id, String customerId, String conversationId, OutboundMessage message, DeliveryStatus status, int attempts,
               String requestFingerprint) {
    }

    private static final String ROW_COLUMNS = "id, customer_id, conversation_id, payload, status, attempts, request_fingerprint";

    private final ObjectMapper json = Json.mapper();

    /** The reply queued in this conversation under this key; keys are the client's, unique per conversation. */
    Optional<Row> byIdempotencyKey(Connection c, String conversationId, String key) throws SQLException {
        return one(c, "conversation_id = ? AND idempotency_key = ?", conversationId, key);
    }

    void insert(Connection c, String customerId, OutboundMessage message, String requestFingerprint) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_message (id, idempotency_key, conversation_id, "
                + "customer_id, channel, instance, payload, status, attempts, next_attempt_at, created_at, request_fingerprint) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
            insert.setString(1, message.id());
            insert.setString(2, message.idempotencyKey());
            insert.setString(3, message.conversationId());
            insert.setString(4, customerId);
            insert.setString(5, message.channel());
            insert.setString(6, message.instance());
            insert.setString(7, toJson(message));
            insert.setString(8, DeliveryStatus.QUEUED.name());
            insert.setObject(9, now);
            insert.setObject(10, now);
            insert.setString(11, requestFingerprint);
            insert.executeUpdate();
        }
    }

    /** Replies that failed for good and were not discarded, oldest first (then by id, so pages never overlap). */
    List<FailedReply> failed(Connection c, int offset, int limit) throws SQLException {
        List<FailedReply> failed = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, conversation_id, customer_id, channel, instance, attempts, "
                + "last_error, created_at FROM outbox_message WHERE status = ? AND discarded_at IS NULL "
                + "ORDER BY created_at, id LIMIT ? OFFSET ?")) {
            q.setString(1, DeliveryStatus.FAILED.name());
            q.setInt(2, limit);
            q.setInt(3, offset);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    failed.add(new FailedReply(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getInt(6), r.getString(7), r.getObject(8, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return failed;
    }

    /** A failed reply queued again, due now, with fresh attempts. False when it is not failed. */
    boolean requeue(Connection c, String id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox_message SET status = ?, attempts = 0, "
                + "next_attempt_at = ?, last_error = NULL WHERE id = ? AND status = ? AND discarded_at IS NULL")) {
            update.setString(1, DeliveryStatus.QUEUED.name());
            update.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            update.setString(3, id);
            update.setString(4, DeliveryStatus.FAILED.name());
            return update.executeUpdate() > 0;
        }
    }

    /** A failed reply taken off the dead-letter list for good. False when it is not failed or was discarded already. */
    boolean discard(Connection c, String id, String actor) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox_message SET discarded_at = ?, discarded_by = ? "
                + "WHERE id = ? AND status = ? AND discarded_at IS NULL")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            update.setString(2, actor);
            update.setString(3, id);
            update.setString(4, DeliveryStatus.FAILED.name());
            return update.executeUpdate() > 0;
        }
    }

    /**
     * Queued messages whose next attempt is due, oldest first: only the oldest queued reply of each conversation (a
     * later one never overtakes an earlier one still waiting or retrying), and at most {@code perInstance} of each
     * channel instance, so a backlog on one instance cannot fill the batch and starve the others.
     */
    List<Row> due(Connection c, int perInstance, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM (SELECT o.*, ROW_NUMBER() OVER "
                + "(PARTITION BY o.channel, o.instance ORDER BY o.created_at, o.id) AS instance_position FROM outbox_message o "
                + "WHERE o.status = ? AND o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM outbox_message earlier "
                + "WHERE earlier.conversation_id = o.conversation_id AND earlier.status = ? AND (earlier.created_at < o.created_at "
                + "OR (earlier.created_at = o.created_at AND earlier.id < o.id)))) heads "
                + "WHERE instance_position <= ? ORDER BY created_at, id LIMIT ?")) {
            q.setString(1, DeliveryStatus.QUEUED.name());
            q.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            q.setString(3, DeliveryStatus.QUEUED.name());
            q.setInt(4, perInstance);
            q.setInt(5, limit);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
        }
        return rows;
    }

    /** The outbound messages to these customers, oldest first (for an erasure, which must find their files). */
    List<OutboundMessage> byCustomers(Connection c, List<String> customerIds) throws SQLException {
        List<OutboundMessage> messages = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM outbox_message WHERE customer_id IN ("
                + SqlLists.placeholders(customerIds.size()) + ") ORDER BY created_at")) {
            SqlLists.bind(q, 1, customerIds);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    messages.add(row(r).message());
                }
            }
        }
        return messages;
    }

    /** An outbound message by its id, locked for this transaction. */
    Optional<Row> locked(Connection c, String id) throws SQLException {
        return one(c, "id = ? FOR UPDATE", id);
    }

    private Optional<Row> one(Connection c, String condition, String... values) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM outbox_message WHERE " + condition)) {
            SqlLists.bind(q, 1, List.of(values));
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    /**
     * Records an attempt's outcome or a provider's report. The status is merged by rank with the stored one, so a
     * delivery receipt that overtook the send's own answer is not undone by it. Answers the status before and after.
     *
     * @param attempts    null leaves the attempt count and next attempt time as they are
     */
    StatusChange record(Connection c, String id, DeliveryStatus status, Integer attempts, Instant nextAttempt, String error,
                          String providerMessageId) throws SQLException {
        DeliveryStatus current = locked(c, id).orElseThrow(() -> new SQLException("outbox message " + id + " is gone")).status();
        DeliveryStatus merged = status == DeliveryStatus.QUEUED ? current : current.merge(status);
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox_message SET status = ?, "
                + "attempts = COALESCE(?, attempts), next_attempt_at = COALESCE(?, next_attempt_at), "
                + "last_error = COALESCE(?, last_error), provider_message_id = COALESCE(?, provider_message_id) WHERE id = ?")) {
            update.setString(1, merged.name());
            update.setObject(2, attempts);
            update.setObject(3, nextAttempt == null ? null : nextAttempt.atOffset(ZoneOffset.UTC));
            update.setString(4, error == null || error.length() <= 1000 ? error : error.substring(0, 1000));
            update.setString(5, providerMessageId);
            update.setString(6, id);
            update.executeUpdate();
        }
        return new StatusChange(current, merged);
    }

    /**
     * A recorded status. Statuses only move forward, so a status that moved is one this message never had before:
     * that is what keeps each status once on the timeline.
     */
    record StatusChange(DeliveryStatus before, DeliveryStatus after) {
        boolean moved() {
            return before != after;
        }
    }

    private Row row(ResultSet r) throws SQLException {
        try {
            return new Row(r.getString(1), r.getString(2), r.getString(3), json.readValue(r.getString(4), OutboundMessage.class),
                    DeliveryStatus.valueOf(r.getString(5)), r.getInt(6), r.getString(7));
        } catch (JsonProcessingException e) {
            throw new SQLException("outbox message " + r.getString(1) + " is not readable", e);
        }
    }

    private String toJson(OutboundMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reply cannot be serialised", e);
        }
    }
}
