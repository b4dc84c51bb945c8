package org.seamline.store.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.store.Database;

/**
 * What docs/customer-context.md promises for PostgreSQL, checked on a real server's files: an erased message leaves
 * the table's files once {@code VACUUM FULL} has rewritten the table (WAL and backups are beyond the platform).
 */
class PostgresErasedFilesTest {

    private static final String SECRET = "postgres secret 4711 of Anna";

    @Test
    void anErasedMessageLeavesTheTableFilesWhenVacuumFullRewritesThem() throws Exception {
        Database database = TestDatabases.postgres();
        JdbcInboxStore inbox = new JdbcInboxStore(database);
        String id = inbox.insert(List.of(new InboundMessage("api", "shop", "p-1",
                Party.of(null, new Identifier("email", "anna@example.com")), SECRET, null, null, null, null)))
                .get(0).interactionId();
        execute(database, "CHECKPOINT");
        assertTrue(tableFileHolds(database, SECRET), "the scan sees the stored message");

        database.inTransaction(c -> inbox.erase(c, List.of(id)));
        execute(database, "VACUUM FULL inbox_message");
        execute(database, "CHECKPOINT");

        assertFalse(tableFileHolds(database, SECRET));
    }

    private static void execute(Database database, String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Whether the inbox table's files (each 1 GB segment) hold the text. */
    private static boolean tableFileHolds(Database database, String text) throws Exception {
        Path table;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_setting('data_directory'), pg_relation_filepath('inbox_message')")) {
            r.next();
            table = Path.of(r.getString(1)).resolve(r.getString(2));
        }
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (var segments = Files.list(table.getParent())) {
            for (Path segment : segments.filter(p -> p.getFileName().toString().matches(table.getFileName() + "(\\.\\d+)?"))
                    .toList()) {
                if (EmbeddedScrubTest.contains(Files.readAllBytes(segment), needle)) {
                    return true;
                }
            }
        }
        return false;
    }
}
