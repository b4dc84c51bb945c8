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
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
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
            assertEquals(1, store.deleteUnreferenced(c, List.of(id)));
        }
        assertTrue(store.file(id).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFileAnotherMessageStillNamesIsNotDeleted(String kind) throws Exception {
        Database database = TestDatabases.of(kind);
        JdbcAttachmentStore store = new JdbcAttachmentStore(database);
        JdbcInboxStore inbox = new JdbcInboxStore(database);
        Attachment shared = store.store("agent", "admin", "terms.pdf", "application/pdf", new byte[] {1, 2});
        String sharedId = shared.url().substring(AttachmentStore.URL_PREFIX.length());
        inbox.insert(List.of(new InboundMessage("api", "shop", "b-1", Party.of(null, new Identifier("userId", "boris")),
                "here are the terms back", List.of(shared), null, null, null)));

        assertEquals(0, (int) database.inTransaction(c -> store.deleteUnreferenced(c, List.of(sharedId))));
        assertTrue(store.file(sharedId).isPresent(), "Boris's message still names the file");
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

    @Test
    void namesLoseInvisibleCharactersThatDisguiseThem() {
        assertEquals("invoicefdp.exe", FileNames.sanitise("invoice\u202Efdp.exe"), "a right-to-left override");
        assertEquals("ab.txt", FileNames.sanitise("a\u200B\u2066b\u2069\u200F.txt"), "zero-width and isolate characters");
        assertEquals("a_b.txt", FileNames.sanitise("a\u2028b.txt"));
        assertEquals("Счёт №5 — 日本.pdf", FileNames.sanitise("Счёт №5 — 日本.pdf"), "letters of every script stay");
    }
}
