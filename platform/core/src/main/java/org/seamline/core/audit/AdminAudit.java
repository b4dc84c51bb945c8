package org.seamline.core.audit;

import java.sql.SQLException;
import org.osgi.annotation.versioning.ProviderType;

/** Records admin actions and reads the whole trail back. */
@ProviderType
public interface AdminAudit {

    /**
     * Records an action that has already taken effect outside the store (a plugin deployed, a configuration saved).
     * It cannot be undone if the store is unavailable, so then only its row is missing, and the log says so.
     */
    void record(String actor, String action, String subject, String details);

    /** The trail, newest first: {@link #record recorded} actions, user and token changes, merges, unmerges and erasures. */
    AuditPage entries(AuditQuery query) throws SQLException;
}
