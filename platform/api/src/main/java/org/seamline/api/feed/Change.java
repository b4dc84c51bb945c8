package org.seamline.api.feed;

import java.time.Instant;

/**
 * One change in the customer context. Ids only, never message text or identifiers: read those through the
 * services. Fields a type does not use are null.
 *
 * @param otherCustomerId for a merge or unmerge, the customer merged away or split off
 * @param messageId       the inbox interaction of an inbound message, or the outbox id of a reply
 * @param status          a conversation's new status, or a reply's delivery status
 * @param actor           the user who made the change, or {@code system}
 */
public record Change(long position, String type, Instant at, String customerId, String conversationId,
                     String messageId, String otherCustomerId, String channel, String instance, String status,
                     String actor) {

    public static final String CUSTOMER_CREATED = "customer.created";
    public static final String CUSTOMER_CHANGED = "customer.changed";
    public static final String CUSTOMER_MERGED = "customer.merged";
    public static final String CUSTOMER_UNMERGED = "customer.unmerged";
    public static final String CUSTOMER_ERASED = "customer.erased";
    public static final String CONVERSATION_OPENED = "conversation.opened";
    public static final String CONVERSATION_REOPENED = "conversation.reopened";
    public static final String CONVERSATION_CHANGED = "conversation.changed";
    public static final String MESSAGE_RECEIVED = "message.received";
    public static final String MESSAGE_QUEUED = "message.queued";
    public static final String MESSAGE_STATUS = "message.status";
    /** An agent's internal note on a conversation; {@code messageId} names its timeline entry. Since 1.1. */
    public static final String NOTE_ADDED = "note.added";
}
