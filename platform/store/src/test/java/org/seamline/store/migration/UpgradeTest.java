package org.seamline.store.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
