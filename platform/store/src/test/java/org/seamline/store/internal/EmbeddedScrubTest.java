package org.seamline.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erased rows leave the embedded store's files: the files themselves are scanned, as someone with a copy would. */
class EmbeddedScrubTest {

    private static final String SECRET = "reply text 4711 for Anna Petrova";

    @TempDir
    Path home;

    @Test
    void deletedRowsStayReadableInTheFileUntilItIsRewritten() throws Exception {
        String url = DataSources.embeddedUrl(home);
        writeAndDeleteTheSecret(url, true);

        assertFalse(filesHolding(SECRET).isEmpty(), "H2 keeps the deleted row's old page: what the rewrite is for");
    }

    @Test
    void anErasureOwesARewriteThatTheNextCloseDoes() throws Exception {
        String url = DataSources.embeddedUrl(home);
        EmbeddedScrub scrub = EmbeddedScrub.of(url, "", "").orElseThrow();
        scrub.owe();
        writeAndDeleteTheSecret(url, false);

        scrub.settle(); // what the store does once its pool is closed

        assertEquals(List.of(), filesHolding(SECRET));
        assertFalse(scrub.owed());
        assertEquals("kept", readBack(url), "the other rows are all there");
    }

    @Test
    void afterACrashTheNextStartDoesTheRewrite() throws Exception {
        String url = DataSources.embeddedUrl(home);
        EmbeddedScrub.of(url, "", "").orElseThrow().owe();
        writeAndDeleteTheSecret(url, true);
        assertTrue(EmbeddedScrub.of(url, "", "").orElseThrow().owed(), "the marker outlives the crash");

        EmbeddedScrub.of(url, "", "").orElseThrow().settle(); // what the store does when it starts

        assertEquals(List.of(), filesHolding(SECRET));
        assertEquals("kept", readBack(url));
    }

    @Test
    void onlyTheEmbeddedFileStoreHasFilesToRewrite() {
        assertTrue(EmbeddedScrub.of("jdbc:postgresql://127.0.0.1/seamline", "", "").isEmpty());
    }

    /** Stores and deletes the secret, then closes the database, or stops it as a crash does (no housekeeping). */
    private static void writeAndDeleteTheSecret(String url, boolean crash) throws SQLException {
        HikariDataSource pool = DataSources.pooled(url, "", "", 2, 2000);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR)");
            s.execute("INSERT INTO note VALUES (1, 'kept'), (2, '" + SECRET + "')");
            s.execute("DELETE FROM note WHERE id = 2");
            if (crash) {
                s.execute("SHUTDOWN IMMEDIATELY");
            }
        } catch (SQLException closedUnderUs) {
            // the connection went with the database
        }
        pool.close();
    }

    private static String readBack(String url) throws SQLException {
        HikariDataSource pool = DataSources.pooled(url, "", "", 1, 2000);
        try (pool; Connection c = pool.getConnection(); PreparedStatement q = c.prepareStatement("SELECT text FROM note");
             ResultSet r = q.executeQuery()) {
            assertTrue(r.next());
            String text = r.getString(1);
            assertFalse(r.next());
            return text;
        }
    }

    /** The files under the store's folder whose bytes contain the text. */
    private List<Path> filesHolding(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(file), needle)) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
