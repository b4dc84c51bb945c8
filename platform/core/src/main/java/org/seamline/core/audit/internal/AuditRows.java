package org.seamline.core.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@code admin_audit} row, in the caller's transaction when the action is itself a store change (a user
 * created, a token revoked), so the action and its record commit together; and one log line. Never a secret.
 */
public final class AuditRows {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRows.class);

    private AuditRows() {
    }

    public static void insert(Connection c, String actor, String action, String subject, String details) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO admin_audit (id, actor, action, subject, details, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, actor);
            insert.setString(3, action);
            insert.setString(4, subject);
            insert.setString(5, details == null ? null : truncate(details));
            insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        LOG.info("{} {} by {}{}", action, subject, actor, details == null ? "" : ": " + details);
    }

    private static String truncate(String details) {
        return details.length() <= 1000 ? details : details.substring(0, 999) + "…";
    }
}
