package org.seamline.core.audit.internal;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.core.audit.AdminAudit;
import org.seamline.core.audit.AuditEntry;
import org.seamline.core.audit.AuditPage;
import org.seamline.core.audit.AuditQuery;
import org.seamline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in the store. Merges, unmerges and erasures keep their own tables (they are part of those
 * changes' undo and proof); this reads them into the same trail rather than writing every action twice.
 * Pages are keyset pages on (time, id), so an action recorded while someone pages never shifts or repeats a row.
 */
@Component(service = AdminAudit.class)
public class JdbcAdminAudit implements AdminAudit {

    private static final String TRAIL = "SELECT id, occurred_at, actor, action, subject, details FROM admin_audit"
            + " UNION ALL SELECT id, merged_at, actor, 'customer.merged', merged_id,"
            + " 'into ' || survivor_id || COALESCE(': ' || reason, '') FROM customer_merge"
            + " UNION ALL SELECT id || ':undone', undone_at, undone_by, 'customer.unmerged', merged_id,"
            + " 'from ' || survivor_id FROM customer_merge WHERE undone_at IS NOT NULL"
            + " UNION ALL SELECT id, erased_at, actor, 'customer.erased', customer_ids, 'removed ' || removed FROM erasure_audit";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAdminAudit.class);

    private final Database db;

    @Activate
    public JdbcAdminAudit(@Reference Database db) {
        this.db = db;
    }

    @Override
    public void record(String actor, String action, String subject, String details) {
        try {
            db.inTransaction(c -> {
                AuditRows.insert(c, actor, action, subject, details);
                return null;
            });
        } catch (SQLException e) {
            LOG.warn("{} {} by {} is not in the audit trail: the store is unavailable", action, subject, actor);
        }
    }

    @Override
    public AuditPage entries(AuditQuery query) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.actor() != null) {
            where.append(" AND actor = ?");
            parameters.add(query.actor());
        }
        if (query.action() != null) {
            if (query.action().endsWith(".")) {
                where.append(" AND action LIKE ? ESCAPE '\\'");
                parameters.add(query.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                where.append(" AND action = ?");
                parameters.add(query.action());
            }
        }
        if (query.since() != null) {
            where.append(" AND occurred_at >= ?");
            parameters.add(query.since().atOffset(ZoneOffset.UTC));
        }
        if (query.until() != null) {
            where.append(" AND occurred_at < ?");
            parameters.add(query.until().atOffset(ZoneOffset.UTC));
        }
        if (query.after() != null) {
            Cursor after = Cursor.parse(query.after());
            where.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
            parameters.add(after.at().atOffset(ZoneOffset.UTC));
            parameters.add(after.at().atOffset(ZoneOffset.UTC));
            parameters.add(after.id());
        }
        String sql = "SELECT * FROM (" + TRAIL + ") trail" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ?";
        parameters.add(query.limit() + 1);
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new AuditEntry(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6)));
                    }
                }
                if (entries.size() <= query.limit()) {
                    return new AuditPage(entries, null);
                }
                AuditEntry last = entries.get(query.limit() - 1);
                return new AuditPage(entries.subList(0, query.limit()), new Cursor(last.occurredAt(), last.id()).text());
            }
        });
    }

    /** Where a page ended: opaque to callers, so its form can change. */
    record Cursor(Instant at, String id) {

        String text() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((at + " " + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int space = decoded.indexOf(' ');
                return new Cursor(Instant.parse(decoded.substring(0, space)), decoded.substring(space + 1));
            } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("'after' is not a cursor this server gave out");
            }
        }
    }
}
