package org.seamline.api.crm;

import java.time.Instant;

/**
 * One timeline interaction to write to a CRM contact.
 *
 * @param interactionId the platform's id of the message or call: the idempotency key, to be stored with the CRM
 *                      record where the CRM allows it
 * @param author        who wrote or answered it on Seamline's side (a user name), null for the customer
 */
public record Activity(String interactionId, String contactId, Kind kind, Direction direction, Instant at,
                       String subject, String body, String author) {

    public enum Kind { EMAIL, SMS, WHATSAPP, CALL, CHAT, NOTE }

    public enum Direction { INBOUND, OUTBOUND, INTERNAL }

    public Activity {
        if (interactionId == null || interactionId.isBlank() || contactId == null || contactId.isBlank()) {
            throw new IllegalArgumentException("interaction id and contact id are required");
        }
        if (kind == null || direction == null || at == null) {
            throw new IllegalArgumentException("kind, direction and time are required");
        }
        body = body == null ? "" : body;
    }
}
