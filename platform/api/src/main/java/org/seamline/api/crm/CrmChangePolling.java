package org.seamline.api.crm;

import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** A connector that can list what changed in the CRM since a cursor; the platform keeps the cursor durably. */
@ConsumerType
public interface CrmChangePolling {

    /** How often the platform asks. */
    Duration pollInterval();

    /**
     * Changes after {@code cursor} (null: start from now, answering no changes and a cursor for next time), at most
     * {@code limit}. The platform stores {@link Page#cursor()} only after it recorded the changes, so a change may be
     * handed over twice but never lost.
     */
    Page changesSince(String cursor, int limit) throws CrmException;

    record Page(List<CrmChange> changes, String cursor) {
        public Page {
            changes = List.copyOf(changes);
        }
    }
}
