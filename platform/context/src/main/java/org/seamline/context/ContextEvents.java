package org.seamline.context;

/**
 * Topics and properties of the events the customer context posts on EventAdmin after each change is committed.
 * Subscribe with an {@code org.osgi.service.event.EventHandler} whose {@code event.topics} names one of these (or
 * {@code seamline/*}). Events carry ids only, never message text or identifiers.
 */
public final class ContextEvents {

    /** A new customer was created for an unknown sender ({@code customer.created}). */
    public static final String CUSTOMER_CREATED = "seamline/customer/created";
    /** Two customers were merged, by policy or by an admin ({@code customer.merged}). */
    public static final String CUSTOMER_MERGED = "seamline/customer/merged";
    public static final String CUSTOMER_UNMERGED = "seamline/customer/unmerged";
    /** Attributes, tags, preferences or consents changed. */
    public static final String CUSTOMER_CHANGED = "seamline/customer/changed";
    public static final String CUSTOMER_ERASED = "seamline/customer/erased";
    /** An inbound message opened a new conversation ({@code conversation.opened}). */
    public static final String CONVERSATION_OPENED = "seamline/conversation/opened";
    /** An inbound message reopened a resolved conversation within the reopen window. */
    public static final String CONVERSATION_REOPENED = "seamline/conversation/reopened";
    /** Status, assignee or variables changed through the API. */
    public static final String CONVERSATION_CHANGED = "seamline/conversation/changed";
    /** An inbound message was resolved and appended to the timeline ({@code message.received}). */
    public static final String MESSAGE_RECEIVED = "seamline/message/received";
    /** An outbound message was queued ({@code message.queued}). */
    public static final String MESSAGE_QUEUED = "seamline/message/queued";
    /** An outbound message's delivery status moved forward ({@code message.status}). */
    public static final String MESSAGE_STATUS = "seamline/message/status";
    /** An agent added an internal note to a conversation ({@code note.added}); the message id names the note. */
    public static final String NOTE_ADDED = "seamline/conversation/noted";

    public static final String CUSTOMER_ID = "customerId";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String MERGE_ID = "mergeId";
    /** The other customer of a merge or unmerge. */
    public static final String OTHER_CUSTOMER_ID = "otherCustomerId";
    /** The inbox interaction of an inbound message, or the outbox id of an outbound one. */
    public static final String MESSAGE_ID = "messageId";
    public static final String CHANNEL = "channel";
    public static final String INSTANCE = "instance";
    public static final String STATUS = "status";
    public static final String ACTOR = "actor";

    private ContextEvents() {
    }
}
