package org.seamline.api.crm;

import java.time.Instant;

/**
 * A contact changed (or was deleted) in the CRM. The platform then reads the contact's {@link CrmConnector#profile}
 * again, so a change carries no fields.
 *
 * @param eventId the CRM's id of the notification when it has one: a notification delivered twice is applied once
 */
public record CrmChange(String contactId, String eventId, Instant at, boolean deleted) {

    public CrmChange {
        if (contactId == null || contactId.isBlank()) {
            throw new IllegalArgumentException("contact id is required");
        }
    }
}
