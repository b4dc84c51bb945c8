package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;
import org.seamline.api.feed.Change;
import org.seamline.context.ContextEvents;

/**
 * SQL for the change feed, in the caller's connection: the changes a transaction made, written by that transaction,
 * and the readers' positions.
 *
 * <p>Positions must become visible in the order they grow: a reader that saw position N must never later find a
 * committed N-1. A sequence or identity column would not do that, since it hands out numbers at insert time and
 * transactions commit in any order. So an append first updates the one row of {@code change_feed_head}, which
 * takes that row's lock (on H2 and PostgreSQL alike) until the transaction ends: the next appender waits there, then
 * reads the committed head and numbers after it. Appends are therefore serialised from the append to the commit,
 * and callers append as the last statement of their transaction to keep that span to the commit itself.
 */
final class FeedStore {

    /** ContextEvents topics and the change types they are recorded as. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry(ContextEvents.CUSTOMER_CREATED, Change.CUSTOMER_CREATED),
            Map.entry(ContextEvents.CUSTOMER_CHANGED, Change.CUSTOMER_CHANGED),
            Map.entry(ContextEvents.CUSTOMER_MERGED, Change.CUSTOMER_MERGED),
            Map.entry(ContextEvents.CUSTOMER_UNMERGED, Change.CUSTOMER_UNMERGED),
            Map.entry(ContextEvents.CUSTOMER_ERASED, Change.CUSTOMER_ERASED),
            Map.entry(ContextEvents.CONVERSATION_OPENED, Change.CONVERSATION_OPENED),
            Map.entry(ContextEvents.CONVERSATION_REOPENED, Change.CONVERSATION_REOPENED),
            Map.entry(ContextEvents.CONVERSATION_CHANGED, Change.CONVERSATION_CHANGED),
            Map.entry(ContextEvents.MESSAGE_RECEIVED, Change.MESSAGE_RECEIVED),
            Map.entry(ContextEvents.MESSAGE_QUEUED, Change.MESSAGE_QUEUED),
            Map.entry(ContextEvents.MESSAGE_STATUS, Change.MESSAGE_STATUS),
            Map.entry(ContextEvents.NOTE_ADDED, Change.NOTE_ADDED));
    /** Property, column and column size; the order of the insert's parameters after position, type and time. */
    private static final List<Column> COLUMNS = List.of(
            new Column(ContextEvents.CUSTOMER_ID, "customer_id", 36),
            new Column(ContextEvents.CONVERSATION_ID, "conversation_id", 36),
            new Column(ContextEvents.MESSAGE_ID, "message_id", 36),
            new Column(ContextEvents.OTHER_CUSTOMER_ID, "other_customer_id", 36),
            new Column(ContextEvents.CHANNEL, "channel", 64),
            new Column(ContextEvents.INSTANCE, "instance", 128),
            new Column(ContextEvents.STATUS, "status", 40),
            new Column(ContextEvents.ACTOR, "actor", 200));
    private static final String SELECT = "SELECT position, change_type, changed_at, customer_id, conversation_id, "
            + "message_id, other_customer_id, channel, instance, status, actor FROM change_feed";

    private record Column(String property, String name, int size) {
    }

    /** Appends the events as changes, in their order; call it last in the transaction (see the class comment). */
    void append(Connection c, List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement claim = c.prepareStatement("UPDATE change_feed_head SET position = position + ? WHERE id = 1")) {
            claim.setInt(1, events.size());
            claim.executeUpdate();
        }
        long last;
        try (PreparedStatement head = c.prepareStatement("SELECT position FROM change_feed_head WHERE id = 1");
             ResultSet r = head.executeQuery()) {
            r.next();
            last = r.getLong(1);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO change_feed (position, change_type, changed_at, "
                + String.join(", ", COLUMNS.stream().map(Column::name).toList()) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long position = last - events.size();
            for (Event event : events) {
                String type = TYPES.get(event.getTopic());
                if (type == null) {
                    throw new IllegalArgumentException("no change type for " + event.getTopic());
                }
                insert.setLong(1, ++position);
                insert.setString(2, type);
                insert.setObject(3, now);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Column column = COLUMNS.get(i);
                    Object value = event.getProperty(column.property());
                    String text = value == null ? null : value.toString();
                    // Ids fit; an actor (a user or channel name) is cut rather than failing the change it reports.
                    insert.setString(4 + i, text != null && text.length() > column.size() ? text.substring(0, column.size()) : text);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Deletes up to {@code batch} of the oldest changes recorded before {@code before}; answers how many. The head
     * stays, so positions go on growing and a reader's cursor keeps its meaning.
     */
    int prune(Connection c, Instant before, int batch) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM change_feed WHERE position IN (SELECT position "
                + "FROM change_feed WHERE changed_at < ? ORDER BY position LIMIT ?)")) {
            delete.setObject(1, before.atOffset(ZoneOffset.UTC));
            delete.setInt(2, batch);
            return delete.executeUpdate();
        }
    }

    List<Change> after(Connection c, long position, int limit) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE position > ? ORDER BY position LIMIT ?")) {
            q.setLong(1, position);
            q.setInt(2, limit);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    changes.add(new Change(r.getLong(1), r.getString(2), r.getObject(3, OffsetDateTime.class).toInstant(),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                            r.getString(9), r.getString(10), r.getString(11)));
                }
            }
        }
        return changes;
    }

    long head(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT position FROM change_feed_head WHERE id = 1");
             ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    long position(Connection c, String reader) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT position FROM change_feed_reader WHERE reader = ?")) {
            q.setString(1, reader);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /**
     * Moves the reader forward to {@code position}; a lower one changes nothing. Answers false when the reader has
     * no row yet and the caller must {@link #insertReader} one.
     */
    boolean advance(Connection c, String reader, long position) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE change_feed_reader SET position = ?, updated_at = ? WHERE reader = ? AND position < ?")) {
            update.setLong(1, position);
            update.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            update.setString(3, reader);
            update.setLong(4, position);
            if (update.executeUpdate() > 0) {
                return true;
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM change_feed_reader WHERE reader = ?")) {
            q.setString(1, reader);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    /** A reader's first position; a reader inserted meanwhile by another call fails it with a unique violation. */
    void insertReader(Connection c, String reader, long position) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO change_feed_reader (reader, position, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, reader);
            insert.setLong(2, position);
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
