package org.seamline.core.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.core.audit.AuditEntry;
import org.seamline.core.audit.AuditPage;
import org.seamline.core.audit.AuditQuery;
import org.seamline.store.Database;
import org.seamline.store.internal.TestDatabases;

/** The audit trail on a real H2 and a real PostgreSQL. */
class JdbcAdminAuditTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void mergesUnmergesAndErasuresJoinTheRecordedActionsNewestFirst(String kind) throws Exception {
        Database db = TestDatabases.of(kind);
        JdbcAdminAudit audit = new JdbcAdminAudit(db);
        audit.record("alice", "plugin.deployed", "org.seamline.channel.sms", "version 1.0.0");
        db.inTransaction(c -> {
            try (PreparedStatement merge = c.prepareStatement("INSERT INTO customer_merge (id, survivor_id, merged_id, actor,"
                    + " reason, merged_at, undone_at, undone_by) VALUES ('m1', 'c-survivor', 'c-merged', 'bob', NULL, ?, ?, 'carol')")) {
                merge.setObject(1, Instant.now().plusSeconds(1).atOffset(ZoneOffset.UTC));
                merge.setObject(2, Instant.now().plusSeconds(2).atOffset(ZoneOffset.UTC));
                merge.executeUpdate();
            }
            try (PreparedStatement erasure = c.prepareStatement("INSERT INTO erasure_audit (id, customer_ids, actor, erased_at,"
                    + " removed) VALUES ('e1', 'c-gone', 'dave', ?, '3 messages')")) {
                erasure.setObject(1, Instant.now().plusSeconds(3).atOffset(ZoneOffset.UTC));
                erasure.executeUpdate();
            }
            return null;
        });

        List<AuditEntry> all = audit.entries(new AuditQuery(null, null, null, null, null, 50)).entries();

        assertEquals(List.of("customer.erased", "customer.unmerged", "customer.merged", "plugin.deployed"),
                all.stream().map(AuditEntry::action).toList());
        assertEquals(List.of("dave", "carol", "bob", "alice"), all.stream().map(AuditEntry::actor).toList());
        assertEquals("into c-survivor", all.get(2).details(), "a merge without a reason still says where it went");
        assertEquals(List.of("customer.erased", "customer.merged", "customer.unmerged"), audit.entries(
                new AuditQuery(null, "customer.", null, null, null, 50)).entries().stream().map(AuditEntry::action).sorted().toList());
        assertEquals(List.of("alice"), audit.entries(new AuditQuery("alice", null, null, null, null, 50)).entries()
                .stream().map(AuditEntry::actor).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void pagesWalkEveryEntryOnceEvenWhenNewOnesArriveMeanwhile(String kind) throws Exception {
        Database db = TestDatabases.of(kind);
        JdbcAdminAudit audit = new JdbcAdminAudit(db);
        for (int i = 0; i < 25; i++) {
            audit.record("admin", "instance.changed", "sms~main", "change " + i);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            AuditPage page = audit.entries(new AuditQuery(null, "instance.changed", null, null, after, 10));
            page.entries().forEach(e -> seen.add(e.id()));
            after = page.next();
            pages++;
            audit.record("admin", "instance.changed", "sms~main", "recorded while paging");
        } while (after != null);

        assertEquals(3, pages);
        assertEquals(25, seen.size());
        assertEquals(25, new HashSet<>(seen).size(), "no entry twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void aForgedCursorIsRefusedAndSinceUntilBoundTheTrail(String kind) throws Exception {
        Database db = TestDatabases.of(kind);
        JdbcAdminAudit audit = new JdbcAdminAudit(db);
        audit.record("admin", "user.created", "zoe", null);

        assertThrows(IllegalArgumentException.class,
                () -> audit.entries(new AuditQuery(null, null, null, null, "not-a-cursor", 10)));
        assertTrue(audit.entries(new AuditQuery(null, null, Instant.now().plusSeconds(60), null, null, 10)).entries().isEmpty());
        AuditPage earlier = audit.entries(new AuditQuery(null, null, null, Instant.now().plusSeconds(60), null, 10));
        assertEquals("zoe", earlier.entries().get(0).subject());
        assertNull(earlier.next());
    }
}
