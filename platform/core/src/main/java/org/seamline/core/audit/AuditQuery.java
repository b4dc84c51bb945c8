package org.seamline.core.audit;

import java.time.Instant;

/**
 * A filter over the audit trail, newest first. Every field but {@code limit} may be null.
 *
 * @param actor  exactly this user
 * @param action this action, or every action of a thing when it ends with a dot ({@code "plugin."})
 * @param since  at or after
 * @param until  before
 * @param after  the {@link AuditPage#next()} cursor of the previous page
 */
public record AuditQuery(String actor, String action, Instant since, Instant until, String after, int limit) {

    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
