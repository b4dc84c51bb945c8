package org.seamline.store.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.store.internal.TestDatabases;

/** Upgrades of a database holding data: what a migration rewrites comes out right, on H2 and PostgreSQL. */
class UpgradeTest {

    private static final String FOLDER = "org/seamline/store/migration";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void v15KeepsEachProcessedMessagesConversationOnItsInboxRow(String kind) throws Exception {
        DataSource database = TestDatabases.empty(kind);
        new Migrations(upTo(14), FOLDER).migrate(database);
        execute(database, "INSERT INTO inbox_message (id, channel, instance, provider_message_id, payload, received_at, "
                + "stored_at, customer_id, processed_at) VALUES "
                + "('i-1', 'email', 'main', '<a@x>', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'c-1', CURRENT_TIMESTAMP), "
                + "('i-2', 'email', 'main', '<b@x>', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, NULL, NULL)");
        execute(database, "INSERT INTO timeline_entry (customer_id, conversation_id, kind, direction, interaction_id, "
                + "occurred_at) VALUES ('c-1', 'conv-1', 'message', 'in', 'i-1', CURRENT_TIMESTAMP), "
                + "('c-1', 'conv-1', 'status:SENT', 'out', 'o-1', CURRENT_TIMESTAMP)");

        assertEquals(1, new Migrations(upTo(15), FOLDER).migrate(database), "V15 alone ran");

        assertEquals("conv-1", conversationOf(database, "i-1"));
        assertNull(conversationOf(database, "i-2"), "an unprocessed message has no conversation yet");
        // the unique (interaction, kind) key is gone: the outbox's forward-only status keeps statuses single now
        execute(database, "INSERT INTO timeline_entry (customer_id, conversation_id, kind, direction, interaction_id, "
                + "occurred_at) VALUES ('c-1', 'conv-1', 'status:SENT', 'out', 'o-1', CURRENT_TIMESTAMP)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void v18ScopesIdempotencyKeysToTheirConversationAndKeepsQueuedReplies(String kind) throws Exception {
        DataSource database = TestDatabases.empty(kind);
        new Migrations(upTo(17), FOLDER).migrate(database);
        execute(database, outbox("o-1", "conv-1", "refund-1"));

        assertEquals(1, new Migrations(upTo(18), FOLDER).migrate(database), "V18 alone ran");

        execute(database, outbox("o-2", "conv-2", "refund-1"));
        assertThrows(SQLException.class, () -> execute(database, outbox("o-3", "conv-1", "refund-1")),
                "a key stays unique within its conversation");
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT request_fingerprint FROM outbox_message WHERE id = 'o-1'")) {
            r.next();
            assertNull(r.getString(1), "a reply queued before has no fingerprint: its key answers as a repeat");
        }
    }

    private static String outbox(String id, String conversation, String key) {
        return "INSERT INTO outbox_message (id, idempotency_key, conversation_id, customer_id, channel, instance, payload, "
                + "status, attempts, next_attempt_at, created_at) VALUES ('" + id + "', '" + key + "', '" + conversation
                + "', 'c-1', 'api', 'shop', '{}', 'QUEUED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void v16PointsEveryMergedRowAtItsCanonicalRowAndUndoesMergesLeftOnACycle(String kind) throws Exception {
        DataSource database = TestDatabases.empty(kind);
        new Migrations(upTo(15), FOLDER).migrate(database);
        // a ← b ← c is a chain; p and q were merged into each other at the same moment, and r into p.
        execute(database, "INSERT INTO customer (id, created_at, merged_into) VALUES ('a', CURRENT_TIMESTAMP, NULL), "
                + "('b', CURRENT_TIMESTAMP, 'a'), ('c', CURRENT_TIMESTAMP, 'b'), ('p', CURRENT_TIMESTAMP, 'q'), "
                + "('q', CURRENT_TIMESTAMP, 'p'), ('r', CURRENT_TIMESTAMP, 'p')");
        execute(database, "INSERT INTO customer_merge (id, survivor_id, merged_id, actor, merged_at) VALUES "
                + "('m-b', 'a', 'b', 'admin', CURRENT_TIMESTAMP), ('m-c', 'b', 'c', 'admin', CURRENT_TIMESTAMP), "
                + "('m-p', 'q', 'p', 'admin', CURRENT_TIMESTAMP), ('m-q', 'p', 'q', 'admin', CURRENT_TIMESTAMP), "
                + "('m-r', 'p', 'r', 'admin', CURRENT_TIMESTAMP)");
        execute(database, "INSERT INTO conversation (id, customer_id, status, channel, instance, opened_at, last_message_at, "
                + "merged_into, merged_by) VALUES "
                + "('conv-a', 'a', 'OPEN', 'api', 'shop', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, NULL, NULL), "
                + "('conv-c', 'c', 'OPEN', 'api', 'shop', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'conv-a', 'm-c'), "
                + "('conv-p', 'p', 'OPEN', 'api', 'shop', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'conv-q', 'm-p'), "
                + "('conv-q', 'q', 'OPEN', 'api', 'shop', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'conv-p', 'm-q')");

        assertEquals(1, new Migrations(upTo(16), FOLDER).migrate(database), "V16 alone ran");

        assertEquals("a,a,a,p,q,r", query(database, "SELECT COALESCE(canonical_id, id) FROM customer ORDER BY id"));
        assertEquals("a,b", query(database, "SELECT merged_into FROM customer WHERE merged_into IS NOT NULL ORDER BY id"),
                "the chain keeps its tree for unmerge");
        assertEquals("m-p,m-q,m-r", query(database, "SELECT id FROM customer_merge WHERE undone_by = 'system:merge-cycle' ORDER BY id"));
        assertEquals("conv-a,conv-a,conv-p,conv-q", query(database, "SELECT COALESCE(canonical_id, id) FROM conversation ORDER BY id"));
        assertEquals("m-c", query(database, "SELECT merged_by FROM conversation WHERE merged_by IS NOT NULL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void v20AddsEventsToStoredInteractionsOncePerKey(String kind) throws Exception {
        DataSource database = TestDatabases.empty(kind);
        new Migrations(upTo(19), FOLDER).migrate(database);
        execute(database, "INSERT INTO inbox_message (id, channel, instance, provider_message_id, payload, received_at, "
                + "stored_at) VALUES ('i-1', 'voice', 'main', 'CA1', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

        assertEquals(1, new Migrations(upTo(20), FOLDER).migrate(database), "V20 alone ran");

        execute(database, event("menu/1"));
        execute(database, event("menu/2"));
        assertThrows(SQLException.class, () -> execute(database, event("menu/1")), "a key is recorded once per interaction");
        assertEquals("menu/1,menu/2", query(database, "SELECT event_key FROM interaction_event ORDER BY seq"));
    }

    private static String event(String key) {
        return "INSERT INTO interaction_event (interaction_id, event_key, kind, recorded_at) VALUES ('i-1', '" + key
                + "', 'ivr', CURRENT_TIMESTAMP)";
    }

    /** The first column of every row, joined by commas. */
    private static String query(DataSource database, String sql) throws SQLException {
        StringBuilder values = new StringBuilder();
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.append(values.isEmpty() ? "" : ",").append(r.getString(1));
            }
        }
        return values.toString();
    }

    /** The shipped scripts as they were at {@code version}: the index cut after it. */
    private static ClassLoader upTo(int version) {
        return new ClassLoader(UpgradeTest.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (!name.equals(FOLDER + "/index")) {
                    return super.getResourceAsStream(name);
                }
                try (InputStream in = super.getResourceAsStream(name)) {
                    String cut = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                            .filter(line -> !line.matches("V\\d+__.*")
                                    || Integer.parseInt(line.substring(1, line.indexOf("__"))) <= version)
                            .collect(Collectors.joining("\n"));
                    return new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String conversationOf(DataSource database, String interactionId) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT conversation_id FROM inbox_message WHERE id = '" + interactionId + "'")) {
            r.next();
            return r.getString(1);
        }
    }
}
