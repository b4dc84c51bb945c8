package org.seamline.core.audit;

import java.util.List;

/** One page of the audit trail; {@code next} is the cursor of the following page, null on the last one. */
public record AuditPage(List<AuditEntry> entries, String next) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
