package org.seamline.crm.sync;

import java.time.Instant;

/**
 * A unit of CRM work: {@code lookup} a customer (subject: the customer id), {@code refresh} a CRM contact (subject:
 * the contact id) or {@code log} a timeline message (subject: the message id). Ids only, never message text.
 */
public record CrmTask(String id, String crm, String instance, String kind, String subject, String customerId,
                      String status, int attempts, String lastError, Instant createdAt, Instant updatedAt) {
}
