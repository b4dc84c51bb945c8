package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ConversationChange;
import org.seamline.context.Customer;
import org.seamline.context.ProfileChange;
import org.seamline.context.TimelineEntry;
import org.seamline.context.ErasureRecord;
import org.seamline.store.Database;
import org.seamline.store.internal.JdbcInboxStore;
import org.seamline.store.internal.TestDatabases;

/** Erasure on a real H2 and a real PostgreSQL: afterwards no table holds anything of the person. */
class PrivacyServiceTest {

    private static final List<String> TRACES = List.of("anna@example.com", "+79161234567", "secret order 4711", "Anna Petrova",
            "confirmed by her phone", "Petrova household", "anna-vip", "signed form 2026-11", "size 38 boots");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void erasureLeavesNoTraceButTheAuditRecordAndSparesOthers(String kind) throws Exception {
        TestContext context = new TestContext(kind);
        Database database = context.database;
        JdbcInboxStore inbox = context.inbox;
        PendingMessages pending = context.pending();
        CustomerDirectoryService directory = context.directory;
        PrivacyService privacy = context.privacy;
        Attachment photo = context.attachments.store("api", "shop", "order.jpg", "image/jpeg", new byte[] {1, 2, 3});
        Attachment zedsFile = context.attachments.store("api", "shop", "zed.txt", "text/plain", new byte[] {4});
        inbox.insert(List.of(
                new InboundMessage("api", "shop", "m-1", Party.of("Anna Petrova", new Identifier("email", "anna@example.com")),
                        "About my secret order 4711", List.of(photo), null, null, null),
                new InboundMessage("sms", "main", "m-2", Party.of(null, new Identifier("phone", "+79161234567")),
                        "secret order 4711 again", null, null, null, null),
                new InboundMessage("api", "shop", "m-3", Party.of("Zed", new Identifier("userId", "zed")), "hello", List.of(zedsFile),
                        null, null, null)));
        pending.processPending();
        // One of hers the processor could not handle: set aside, linked to nobody.
        String setAside = inbox.insert(List.of(new InboundMessage("api", "shop", "m-6",
                Party.of(null, new Identifier("email", "Anna@Example.com")), "secret order 4711 set aside", null, null, null,
                null))).get(0).interactionId();
        inbox.markFailed(setAside, "IllegalStateException");
        Customer anna = directory.findByIdentifier("email", "anna@example.com").orElseThrow();
        String phoneOnly = directory.findByIdentifier("phone", "+79161234567").orElseThrow().id();
        context.merges.merge(anna.id(), phoneOnly, "admin", "confirmed by her phone");

        context.profiles.change(phoneOnly, new ProfileChange(Map.of("household", "Petrova household"), List.of("anna-vip"),
                null, "sms", "ru"), "admin");
        context.profiles.recordConsent(anna.id(), "sms", ConsentPurpose.MARKETING, true, "admin", "signed form 2026-11");
        String conversation = context.conversations.conversations(anna.id(), null, null, 0, 50).items().get(0).id();
        context.conversations.change(conversation, new ConversationChange(null, null, Map.of("lastTopic", "size 38 boots")), "bot");

        Map<String, Object> export = privacy.export(anna.id()).orElseThrow();
        Customer exported = (Customer) export.get("customer");
        assertEquals("Petrova household", exported.attributes().stream().filter(a -> a.name().equals("household"))
                .findFirst().orElseThrow().value(), "the export holds the profile");
        assertEquals(List.of("anna-vip"), exported.tags());
        assertEquals(1, exported.consents().size());
        assertEquals(3, ((List<?>) export.get("messages")).size(), "the export holds both customers' messages, set aside too");
        assertEquals(2, ((Customer) export.get("customer")).identifiers().size());
        assertEquals(List.of(photo), ((List<?>) export.get("timeline")).stream().map(e -> (TimelineEntry) e)
                .filter(e -> "About my secret order 4711".equals(e.text())).findFirst().orElseThrow().attachments(),
                "a message's files are on its timeline entry");

        assertEquals(TRACES.size(), traces(database).stream().map(t -> t.substring(t.indexOf(": ") + 2)).distinct().count(),
                "the scan finds every trace before the erasure");

        // Written while the erasure is requested, not processed yet: hers (her number written another way) and Zed's.
        Attachment lateFile = context.attachments.store("sms", "main", "late.jpg", "image/jpeg", new byte[] {5});
        inbox.insert(List.of(
                new InboundMessage("sms", "main", "m-4", Party.of(null, new Identifier("phone", "+7 916 123-45-67")),
                        "secret order 4711, where is it?", List.of(lateFile), null, null, null),
                new InboundMessage("api", "shop", "m-5", Party.of("Zed", new Identifier("userId", "zed")), "still here",
                        null, null, null, null)));

        // A file an agent sent her, and the terms an agent sent both her and Zed: the same upload, stored once.
        Attachment sentFile = context.attachments.store("agent", "admin", "invoice.pdf", "application/pdf", new byte[] {6});
        Attachment terms = context.attachments.store("agent", "admin", "terms.pdf", "application/pdf", new byte[] {7});
        String zed = directory.findByIdentifier("userId", "zed").orElseThrow().id();
        String zedsConversation = context.conversations.conversations(zed, null, null, 0, 50).items().get(0).id();
        database.inTransaction(c -> {
            new OutboxStore().insert(c, anna.id(), new OutboundMessage("out-1", "k-1", "api", "shop",
                    Party.of(null, new Identifier("email", "anna@example.com")), "your invoice", List.of(sentFile, terms),
                    conversation, Map.of()), null);
            new OutboxStore().insert(c, zed, new OutboundMessage("out-2", "k-2", "api", "shop",
                    Party.of(null, new Identifier("userId", "zed")), "our terms", List.of(terms), zedsConversation, Map.of()), null);
            return null;
        });

        ErasureRecord erasure = privacy.erase(phoneOnly, "admin").orElseThrow();
        assertEquals(2, erasure.removed().get("unresolved messages"), "what she sent but nobody processed (or could) goes too");
        pending.processPending();

        assertEquals(Set.of(anna.id(), phoneOnly), Set.copyOf(erasure.customerIds()), "a merged id erases the whole person");
        assertEquals(List.of(), traces(database));
        assertEquals(3, erasure.removed().get("attachment"));
        assertTrue(context.attachments.file(id(sentFile)).isEmpty(), "and the files sent to her");
        assertTrue(context.attachments.file(id(photo)).isEmpty(), "her files are gone");
        assertTrue(context.attachments.file(id(lateFile)).isEmpty(), "also those of her unprocessed message");
        assertTrue(directory.findByIdentifier("phone", "+79161234567").isEmpty(), "processing did not bring her back");
        assertEquals(List.of("hello", "still here"), context.conversations.timeline(
                directory.findByIdentifier("userId", "zed").orElseThrow().id(), 0, 10).items().stream()
                .map(e -> e.text()).toList(), "other people's unprocessed messages stay and are processed");
        assertTrue(context.attachments.file(id(zedsFile)).isPresent(), "other customers' files stay");
        assertTrue(context.attachments.file(id(terms)).isPresent(), "and so does a file sent to her and to Zed");
        assertTrue(inbox.find(setAside).isEmpty() && inbox.setAside(10).isEmpty(), "her set-aside message is gone");

        // Her first message delivered again (a webhook re-posted): a repeat, nothing stored, nobody created.
        assertTrue(inbox.insert(List.of(new InboundMessage("api", "shop", "m-1", Party.of("Anna Petrova",
                new Identifier("email", "anna@example.com")), "About my secret order 4711", List.of(photo), null, null, null)))
                .get(0).duplicate());
        pending.processPending();
        assertEquals(List.of(), traces(database));
        assertTrue(directory.findByIdentifier("email", "anna@example.com").isEmpty(), "the re-post brought nobody back");
        assertTrue(directory.findByIdentifier("email", "anna@example.com").isEmpty());
        assertTrue(directory.findByIdentifier("userId", "zed").isPresent(), "other customers are untouched");
        assertTrue(privacy.erase(anna.id(), "admin").isEmpty(), "erasing again finds nothing");
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM erasure_audit")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
    }

    private static String id(Attachment attachment) {
        return attachment.url().substring(AttachmentStore.URL_PREFIX.length());
    }

    /** Every cell of every table of ours that contains one of the person's data. */
    private static List<String> traces(Database database) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet t = meta.getTables(null, c.getSchema(), "%", null)) {
                while (t.next()) {
                    String type = t.getString("TABLE_TYPE");
                    if (type != null && type.contains("TABLE") && !type.contains("SYSTEM")) {
                        tables.add(t.getString("TABLE_NAME"));
                    }
                }
            }
            assertTrue(tables.size() >= 8, "the scan sees our tables: " + tables);
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rows.getString(i);
                            for (String trace : TRACES) {
                                if (value != null && value.contains(trace)) {
                                    found.add(table + "." + rows.getMetaData().getColumnName(i) + ": " + trace);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
