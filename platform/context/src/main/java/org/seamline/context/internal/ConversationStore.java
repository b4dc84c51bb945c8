package org.seamline.context.internal;

import org.seamline.store.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationQuery;
import org.seamline.context.ConversationStatus;
import org.seamline.store.Page;

/**
 * SQL for conversations, in the caller's transaction. A customer's conversations are those of the customer and of
 * every customer merged into it; merged conversations answer for the conversation they joined.
 */
final class ConversationStore {

    private static final String COLUMNS =
            "id, customer_id, status, channel, instance, assignee, thread_key, opened_at, last_message_at, resolved_at";

    private final MergeChain chain = new MergeChain("conversation");

    /** Which conversation a new inbound message continues. */
    enum Continuity {
        /** The customer's conversation, whatever channel it is on (the default). */
        CUSTOMER,
        /** The customer's conversation on the same channel. */
        CHANNEL,
        /** The conversation of the channel's thread ({@link MessageMetadata#THREAD}); per channel without one. */
        THREAD
    }

    /** What happened to the conversation a message went into. */
    enum Outcome {
        CONTINUED, REOPENED, OPENED,
        /** Automatic mail that continues nothing: kept in a conversation of its own, resolved, out of the agents' queue. */
        FILED
    }

    record Continuation(String conversationId, Outcome outcome) {
    }

    /**
     * Finds the conversation an inbound message continues and touches it, or opens a new one. A conversation the
     * channel names ({@link MessageMetadata#CONVERSATION}) wins when it is the sender's, then the conversation of the
     * nearest message the sender answers ({@link MessageMetadata#REFERENCES}); otherwise the policy picks
     * the most recent candidate, unresolved ones first. A resolved candidate is reopened within the reopen window;
     * automatic mail is attached to it but never reopens it, and automatic mail with no candidate is filed in a new
     * resolved conversation (newsletters and bounces open nothing for agents). The conversation remembers the
     * channel the customer wrote on last, the default for replies.
     */
    Continuation continueOrOpen(Connection c, List<String> customerMembers, String canonicalCustomer, InboundMessage message,
                                Continuity continuity, Duration reopenWindow) throws SQLException {
        String thread = message.metadata().get(MessageMetadata.THREAD);
        boolean automatic = Boolean.parseBoolean(message.metadata().get(MessageMetadata.AUTOMATIC));
        Optional<Candidate> candidate = named(c, customerMembers, message.metadata().get(MessageMetadata.CONVERSATION));
        if (candidate.isEmpty()) {
            candidate = referenced(c, customerMembers, message.channel(), message.instance(),
                    message.metadata().get(MessageMetadata.REFERENCES));
        }
        if (candidate.isEmpty()) {
            Filter filter = Filter.of(continuity, message.channel(), thread);
            candidate = latest(c, customerMembers, filter, false);
            if (candidate.isEmpty()) {
                candidate = latest(c, customerMembers, filter, true);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (candidate.isPresent()) {
            Candidate found = candidate.get();
            boolean resolved = found.status() == ConversationStatus.RESOLVED;
            boolean withinWindow = resolved && found.resolvedAt() != null
                    && !found.resolvedAt().plus(reopenWindow).isBefore(now.toInstant());
            if (!resolved || automatic || withinWindow) {
                touch(c, found.id(), message, now, automatic ? found.status() : ConversationStatus.OPEN);
                return new Continuation(found.id(), resolved && !automatic ? Outcome.REOPENED : Outcome.CONTINUED);
            }
        }
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO conversation (id, customer_id, status, channel, "
                + "instance, thread_key, opened_at, last_message_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, canonicalCustomer);
            insert.setString(3, (automatic ? ConversationStatus.RESOLVED : ConversationStatus.OPEN).name());
            insert.setString(4, message.channel());
            insert.setString(5, message.instance());
            insert.setString(6, thread);
            insert.setObject(7, now);
            insert.setObject(8, now);
            insert.setObject(9, automatic ? now : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            insert.executeUpdate();
        }
        return new Continuation(id, automatic ? Outcome.FILED : Outcome.OPENED);
    }

    /** A new message wakes a pending or snoozed conversation and reopens a resolved one, unless it is automatic. */
    private static void touch(Connection c, String id, InboundMessage message, OffsetDateTime now, ConversationStatus status)
            throws SQLException {
        try (PreparedStatement touch = c.prepareStatement("UPDATE conversation SET channel = ?, instance = ?, last_message_at = ?, "
                + "status = ?, resolved_at = CASE WHEN ? THEN resolved_at ELSE NULL END WHERE id = ?")) {
            touch.setString(1, message.channel());
            touch.setString(2, message.instance());
            touch.setObject(3, now);
            touch.setString(4, status.name());
            touch.setBoolean(5, status == ConversationStatus.RESOLVED);
            touch.setString(6, id);
            touch.executeUpdate();
        }
    }

    /** Applies a change; answers the conversation as it was before it, or empty for an unknown id. */
    Optional<Conversation> change(Connection c, String id, ConversationChange change) throws SQLException {
        Optional<Conversation> before = conversation(c, id);
        if (before.isEmpty()) {
            return before;
        }
        String canonical = before.get().id();
        if (change.status() != null) {
            try (PreparedStatement update = c.prepareStatement("UPDATE conversation SET status = ?, resolved_at = ? WHERE id = ?")) {
                update.setString(1, change.status().name());
                update.setObject(2, change.status() == ConversationStatus.RESOLVED ? OffsetDateTime.now(ZoneOffset.UTC) : null);
                update.setString(3, canonical);
                update.executeUpdate();
            }
        }
        if (change.assignee() != null) {
            try (PreparedStatement update = c.prepareStatement("UPDATE conversation SET assignee = ? WHERE id = ?")) {
                update.setString(1, change.assignee().isBlank() ? null : change.assignee().strip());
                update.setString(2, canonical);
                update.executeUpdate();
            }
        }
        for (Map.Entry<String, String> variable : change.variables().entrySet()) {
            setVariable(c, canonical, variable.getKey(), variable.getValue());
        }
        return before;
    }

    private static void setVariable(Connection c, String conversationId, String name, String value) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM conversation_variable WHERE conversation_id = ? AND name = ?")) {
            delete.setString(1, conversationId);
            delete.setString(2, name);
            delete.executeUpdate();
        }
        if (value == null) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO conversation_variable (conversation_id, name, var_value, updated_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, conversationId);
            insert.setString(2, name);
            insert.setString(3, value);
            insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** Variables of a conversation and those merged into it; the survivor's value wins a clash. */
    private static Map<String, String> variables(Connection c, List<String> members) throws SQLException {
        Map<String, String> variables = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT conversation_id, name, var_value FROM conversation_variable "
                + "WHERE conversation_id IN (" + SqlLists.placeholders(members.size()) + ")")) {
            SqlLists.bind(q, 1, members);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    if (r.getString(1).equals(members.get(0))) {
                        variables.put(r.getString(2), r.getString(3));
                    } else {
                        variables.putIfAbsent(r.getString(2), r.getString(3));
                    }
                }
            }
        }
        return variables;
    }

    /**
     * When two customers merge, the merged customer's open conversation joins the survivor's, so the agent sees one
     * conversation; {@code mergeId} marks it so that unmerge can separate them again.
     */
    void mergeOpenConversations(Connection c, List<String> survivorMembers, List<String> mergedMembers, String mergeId)
            throws SQLException {
        Optional<String> survivorOpen = latest(c, survivorMembers, new Filter(null, null), false).map(Candidate::id);
        Optional<String> mergedOpen = latest(c, mergedMembers, new Filter(null, null), false).map(Candidate::id);
        if (survivorOpen.isEmpty() || mergedOpen.isEmpty()) {
            return;
        }
        if (chain.join(c, mergedOpen.get(), survivorOpen.get())) {
            try (PreparedStatement mark = c.prepareStatement("UPDATE conversation SET merged_by = ? WHERE id = ?")) {
                mark.setString(1, mergeId);
                mark.setString(2, mergedOpen.get());
                mark.executeUpdate();
            }
        }
    }

    /** Separates the conversation a customer merge joined to another, with what was merged into it. */
    void unmergeConversations(Connection c, String mergeId) throws SQLException {
        Map<String, String> joined = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, merged_into FROM conversation WHERE merged_by = ?")) {
            q.setString(1, mergeId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    joined.put(r.getString(1), r.getString(2));
                }
            }
        }
        for (Map.Entry<String, String> conversation : joined.entrySet()) {
            chain.separate(c, conversation.getKey(), conversation.getValue());
        }
        try (PreparedStatement clear = c.prepareStatement("UPDATE conversation SET merged_by = NULL WHERE merged_by = ?")) {
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

    /** One page of the canonical conversations of the given customers (all customers when null), most recent first. */
    Page<Conversation> conversations(Connection c, List<String> customerMembers, ConversationQuery query, int offset,
                                     int limit) throws SQLException {
        List<String> parameters = new ArrayList<>();
        String where = where(customerMembers, query, parameters);
        long total;
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM conversation" + where)) {
            SqlLists.bind(q, 1, parameters);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
        }
        List<Conversation> items = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM conversation" + where
                + " ORDER BY last_message_at DESC, id LIMIT ? OFFSET ?")) {
            int next = SqlLists.bind(q, 1, parameters);
            q.setInt(next++, limit);
            q.setInt(next, offset);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    items.add(conversation(c, r));
                }
            }
        }
        return new Page<>(items, total, offset, limit);
    }

    /** Every canonical conversation of the given customers, most recent first (for a data export). */
    List<Conversation> conversations(Connection c, List<String> customerMembers) throws SQLException {
        List<String> parameters = new ArrayList<>();
        List<Conversation> conversations = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM conversation"
                + where(customerMembers, new ConversationQuery(null, null, null, null, false), parameters)
                + " ORDER BY last_message_at DESC, id")) {
            SqlLists.bind(q, 1, parameters);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    conversations.add(conversation(c, r));
                }
            }
        }
        return conversations;
    }

    /** The WHERE clause of a listing; its values are added to {@code parameters}. */
    /** The query's filters; the customer's as {@code customerMembers}, the ids merged into it included. */
    private static String where(List<String> customerMembers, ConversationQuery query, List<String> parameters) {
        StringBuilder where = new StringBuilder(" WHERE merged_into IS NULL");
        if (customerMembers != null) {
            where.append(" AND customer_id IN (").append(SqlLists.placeholders(customerMembers.size())).append(')');
            parameters.addAll(customerMembers);
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            parameters.add(query.status().name());
        }
        if (query.channel() != null) {
            where.append(" AND channel = ?");
            parameters.add(query.channel());
        }
        if (query.assignee() != null) {
            where.append(" AND assignee = ?");
            parameters.add(query.assignee());
        }
        if (query.unassigned()) {
            where.append(" AND assignee IS NULL");
        }
        if (query.assigneeIn() != null) {
            if (query.assigneeIn().isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND assignee IN (").append(SqlLists.placeholders(query.assigneeIn().size())).append(')');
                parameters.addAll(query.assigneeIn());
            }
        }
        return where.toString();
    }

    /** A conversation as a candidate for continuing. */
    private record Candidate(String id, ConversationStatus status, Instant resolvedAt) {
    }

    /** The conversation filter a continuity policy implies. */
    private record Filter(String column, String value) {
        static Filter of(Continuity continuity, String channel, String thread) {
            return switch (continuity) {
                case CUSTOMER -> new Filter(null, null);
                case CHANNEL -> new Filter("channel", channel);
                case THREAD -> thread == null ? new Filter("channel", channel) : new Filter("thread_key", thread);
            };
        }
    }

    private static final String CANDIDATE_COLUMNS = "id, status, resolved_at";

    /** The named conversation, if it exists and belongs to one of the customer's members. */
    private Optional<Candidate> named(Connection c, List<String> customerMembers, String conversationId) throws SQLException {
        if (conversationId == null) {
            return Optional.empty();
        }
        Optional<String> canonical = chain.canonical(c, conversationId);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + CANDIDATE_COLUMNS + " FROM conversation WHERE id = ? "
                + "AND customer_id IN (" + SqlLists.placeholders(customerMembers.size()) + ")")) {
            q.setString(1, canonical.get());
            SqlLists.bind(q, 2, customerMembers);
            return candidate(q);
        }
    }

    /** How many of a message's references are looked up, nearest first; older ones add nothing in practice. */
    private static final int MAX_REFERENCES = 20;

    /**
     * The conversation of the nearest referenced message received on this channel instance from, or sent on this
     * channel to, one of the customer's members: another customer's message never pulls the sender into that
     * customer's conversation.
     */
    private Optional<Candidate> referenced(Connection c, List<String> customerMembers, String channel, String instance,
                                           String references) throws SQLException {
        if (references == null || references.isBlank()) {
            return Optional.empty();
        }
        List<String> nearestFirst = Arrays.stream(references.strip().split("\\s+")).distinct().limit(MAX_REFERENCES).toList();
        String ids = SqlLists.placeholders(nearestFirst.size());
        String members = SqlLists.placeholders(customerMembers.size());
        Map<String, String> conversationByReference = new HashMap<>();
        // Received messages by the inbox's own unique key (their conversation is on the inbox row, so the timeline
        // needs no index for this), sent ones by the outbox's provider id.
        try (PreparedStatement q = c.prepareStatement("SELECT provider_message_id, conversation_id FROM inbox_message "
                + "WHERE channel = ? AND instance = ? AND provider_message_id IN (" + ids + ") AND customer_id IN (" + members
                + ") AND conversation_id IS NOT NULL "
                + "UNION ALL SELECT provider_message_id, conversation_id FROM outbox_message WHERE channel = ? "
                + "AND provider_message_id IN (" + ids + ") AND customer_id IN (" + members + ")")) {
            q.setString(1, channel);
            q.setString(2, instance);
            int next = SqlLists.bind(q, 3, nearestFirst);
            next = SqlLists.bind(q, next, customerMembers);
            q.setString(next++, channel);
            next = SqlLists.bind(q, next, nearestFirst);
            SqlLists.bind(q, next, customerMembers);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    conversationByReference.putIfAbsent(r.getString(1), r.getString(2));
                }
            }
        }
        for (String reference : nearestFirst) {
            String conversationId = conversationByReference.get(reference);
            if (conversationId != null) {
                return named(c, customerMembers, conversationId);
            }
        }
        return Optional.empty();
    }

    /** The most recent canonical conversation of the customers matching the filter, resolved or not. */
    private static Optional<Candidate> latest(Connection c, List<String> customerMembers, Filter filter, boolean resolved)
            throws SQLException {
        String sql = "SELECT " + CANDIDATE_COLUMNS + " FROM conversation WHERE merged_into IS NULL AND customer_id IN ("
                + SqlLists.placeholders(customerMembers.size()) + ") AND status " + (resolved ? "=" : "<>") + " ?"
                + (filter.column() == null ? "" : " AND " + filter.column() + " = ?")
                + " ORDER BY last_message_at DESC, id LIMIT 1";
        try (PreparedStatement q = c.prepareStatement(sql)) {
            int next = SqlLists.bind(q, 1, customerMembers);
            q.setString(next++, ConversationStatus.RESOLVED.name());
            if (filter.column() != null) {
                q.setString(next, filter.value());
            }
            return candidate(q);
        }
    }

    private static Optional<Candidate> candidate(PreparedStatement q) throws SQLException {
        try (ResultSet r = q.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            OffsetDateTime resolvedAt = r.getObject(3, OffsetDateTime.class);
            return Optional.of(new Candidate(r.getString(1), ConversationStatus.valueOf(r.getString(2)),
                    resolvedAt == null ? null : resolvedAt.toInstant()));
        }
    }

    private Conversation conversation(Connection c, ResultSet r) throws SQLException {
        String id = r.getString("id");
        List<String> members = chain.members(c, id);
        OffsetDateTime resolved = r.getObject("resolved_at", OffsetDateTime.class);
        return new Conversation(id, r.getString("customer_id"), ConversationStatus.valueOf(r.getString("status")),
                r.getString("channel"), r.getString("instance"), r.getString("assignee"), r.getString("thread_key"),
                variables(c, members), members.subList(1, members.size()),
                r.getObject("opened_at", OffsetDateTime.class).toInstant(),
                r.getObject("last_message_at", OffsetDateTime.class).toInstant(), resolved == null ? null : resolved.toInstant());
    }
}
