package org.seamline.context.internal;

import org.seamline.store.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationStatus;

/**
 * SQL for conversations, in the caller's transaction. A customer's conversations are those of the customer and of
 * every customer merged into it; merged conversations answer for the conversation they joined.
 */
final class ConversationStore {

    private static final String COLUMNS =
            "id, customer_id, status, channel, instance, assignee, opened_at, last_message_at, resolved_at";

    private final MergeChain chain = new MergeChain("conversation");

    /**
     * The conversation an inbound message continues: the customer's open conversation, whatever channel it started
     * on, or a new one. The conversation remembers the channel the customer wrote on last, the default for replies.
     */
    String continueOrOpen(Connection c, List<String> customerMembers, String canonicalCustomer, String channel,
                          String instance) throws SQLException {
        Optional<String> open = latest(c, customerMembers);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (open.isPresent()) {
            try (PreparedStatement touch = c.prepareStatement(
                    "UPDATE conversation SET channel = ?, instance = ?, last_message_at = ? WHERE id = ?")) {
                touch.setString(1, channel);
                touch.setString(2, instance);
                touch.setObject(3, now);
                touch.setString(4, open.get());
                touch.executeUpdate();
            }
            return open.get();
        }
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO conversation (id, customer_id, status, channel, "
                + "instance, opened_at, last_message_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, canonicalCustomer);
            insert.setString(3, ConversationStatus.OPEN.name());
            insert.setString(4, channel);
            insert.setString(5, instance);
            insert.setObject(6, now);
            insert.setObject(7, now);
            insert.executeUpdate();
        }
        return id;
    }

    /**
     * When two customers merge, the merged customer's open conversation joins the survivor's, so the agent sees one
     * conversation; {@code mergeId} marks it so that unmerge can separate them again.
     */
    void mergeOpenConversations(Connection c, List<String> survivorMembers, List<String> mergedMembers, String mergeId)
            throws SQLException {
        Optional<String> survivorOpen = latest(c, survivorMembers);
        Optional<String> mergedOpen = latest(c, mergedMembers);
        if (survivorOpen.isEmpty() || mergedOpen.isEmpty()) {
            return;
        }
        try (PreparedStatement point = c.prepareStatement(
                "UPDATE conversation SET merged_into = ?, merged_by = ? WHERE id = ? AND merged_into IS NULL")) {
            point.setString(1, survivorOpen.get());
            point.setString(2, mergeId);
            point.setString(3, mergedOpen.get());
            point.executeUpdate();
        }
    }

    void unmergeConversations(Connection c, String mergeId) throws SQLException {
        try (PreparedStatement clear = c.prepareStatement(
                "UPDATE conversation SET merged_into = NULL, merged_by = NULL WHERE merged_by = ?")) {
            clear.setString(1, mergeId);
            clear.executeUpdate();
        }
    }

    Optional<String> canonical(Connection c, String id) throws SQLException {
        return chain.canonical(c, id);
    }

    List<String> members(Connection c, String canonical) throws SQLException {
        return chain.members(c, canonical);
    }

    Optional<Conversation> conversation(Connection c, String id) throws SQLException {
        Optional<String> canonical = chain.canonical(c, id);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM conversation WHERE id = ?")) {
            q.setString(1, canonical.get());
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return Optional.of(conversation(c, r));
            }
        }
    }

    /** Canonical conversations of the given customers (all customers when null), most recent first. */
    List<Conversation> conversations(Connection c, List<String> customerMembers, ConversationStatus status, String channel)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM conversation WHERE merged_into IS NULL");
        List<String> parameters = new ArrayList<>();
        if (customerMembers != null) {
            sql.append(" AND customer_id IN (").append(SqlLists.placeholders(customerMembers.size())).append(')');
            parameters.addAll(customerMembers);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            parameters.add(status.name());
        }
        if (channel != null) {
            sql.append(" AND channel = ?");
            parameters.add(channel);
        }
        sql.append(" ORDER BY last_message_at DESC, id LIMIT 500");
        List<Conversation> conversations = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql.toString())) {
            SqlLists.bind(q, 1, parameters);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    conversations.add(conversation(c, r));
                }
            }
        }
        return conversations;
    }

    /** The most recent canonical conversation of the customers that is not resolved. */
    private Optional<String> latest(Connection c, List<String> customerMembers) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM conversation WHERE merged_into IS NULL AND customer_id IN ("
                + SqlLists.placeholders(customerMembers.size()) + ") AND status <> ? ORDER BY last_message_at DESC, id LIMIT 1")) {
            q.setString(SqlLists.bind(q, 1, customerMembers), ConversationStatus.RESOLVED.name());
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private Conversation conversation(Connection c, ResultSet r) throws SQLException {
        String id = r.getString("id");
        List<String> members = chain.members(c, id);
        OffsetDateTime resolved = r.getObject("resolved_at", OffsetDateTime.class);
        return new Conversation(id, r.getString("customer_id"), ConversationStatus.valueOf(r.getString("status")),
                r.getString("channel"), r.getString("instance"), r.getString("assignee"), members.subList(1, members.size()),
                r.getObject("opened_at", OffsetDateTime.class).toInstant(),
                r.getObject("last_message_at", OffsetDateTime.class).toInstant(), resolved == null ? null : resolved.toInstant());
    }
}
