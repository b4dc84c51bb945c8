package org.seamline.core.users.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of users and tokens: one {@code user_audit} row per change, written in the change's own
 * transaction (as erasures write {@code erasure_audit}), and one log line. Never a password or token.
 */
final class UserAudit {

    private static final Logger LOG = LoggerFactory.getLogger(UserAudit.class);

    private UserAudit() {
    }

    static void record(Connection c, String actor, String action, String subject, String details) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO user_audit (id, actor, action, subject, details, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, actor);
            insert.setString(3, action);
            insert.setString(4, subject);
            insert.setString(5, details);
            insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        LOG.info("{} {} by {}{}", action, subject, actor, details == null ? "" : ": " + details);
    }
}
