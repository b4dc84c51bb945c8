package org.seamline.core.audit;

import java.time.Instant;

/**
 * One admin action.
 *
 * @param action  what was done, as {@code <thing>.<verb>}: {@code user.created}, {@code plugin.deployed},
 *                {@code instance.changed}, {@code customer.merged} …
 * @param subject what it was done to: a user name, token id, plugin id, instance, customer id
 * @param details what changed, in words; never a secret; may be null
 */
public record AuditEntry(String id, Instant occurredAt, String actor, String action, String subject, String details) {
}
