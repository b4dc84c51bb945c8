package org.seamline.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.message.Attachment;
import org.seamline.store.Database;
import org.seamline.store.StoredFile;

class JdbcAttachmentStoreTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFileIsStoredOnceUnderASafeNameAndCanBeReadAndErased(String kind) throws Exception {
        Database database = TestDatabases.of(kind);
        JdbcAttachmentStore store = new JdbcAttachmentStore(database);
        byte[] invoice = "%PDF-1.7 invoice 4711".getBytes(StandardCharsets.UTF_8);

        Attachment first = store.store("email", "support", "../../etc/invoice.pdf", "application/pdf", invoice);
        Attachment again = store.store("email", "support", "../../etc/invoice.pdf", "application/pdf", invoice);

        assertEquals(first, again, "a mail fetched again stores its files once");
        assertTrue(first.url().startsWith(AttachmentStore.URL_PREFIX));
        assertEquals("invoice.pdf", first.name());
        assertEquals(invoice.length, first.size());
        String id = first.url().substring(AttachmentStore.URL_PREFIX.length());
        StoredFile file = store.file(id).orElseThrow();
        assertArrayEquals(invoice, file.content());
        assertEquals("application/pdf", file.contentType());

        try (Connection c = database.dataSource().getConnection()) {
            assertEquals(1, store.delete(c, List.of(id)));
        }
        assertTrue(store.file(id).isEmpty());
    }

    @Test
    void namesLoseTheirPathsControlCharactersAndLeadingDots() {
        assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
        assertEquals("report.xlsx", FileNames.sanitise("C:\\Users\\anna\\report.xlsx"));
        assertEquals("a_b_.txt", FileNames.sanitise("a\u0000b?.txt"));
        assertEquals("htaccess", FileNames.sanitise(".htaccess"));
        assertEquals(FileNames.FALLBACK, FileNames.sanitise("../"));
        assertEquals(255, FileNames.sanitise("x".repeat(400) + ".pdf").length());
    }
}
