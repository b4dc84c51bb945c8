package org.seamline.camel.seamline;

/** The message headers the {@code seamline:} endpoints read and set. */
public final class SeamlineConstants {

    /** The sender or customer: {@code email:…}, {@code phone:…} or {@code userId:…}. */
    public static final String FROM = "SeamlineFrom";
    /** The sender's display name (ingress). */
    public static final String FROM_NAME = "SeamlineFromName";
    /** The source system's id of the message: the idempotency key of ingress and reply. */
    public static final String MESSAGE_ID = "SeamlineMessageId";
    /** A customer id: names the customer (customer, reply) instead of {@link #FROM}; set on changes. */
    public static final String CUSTOMER_ID = "SeamlineCustomerId";
    /** A conversation id: where a reply goes; set by reply and on changes. */
    public static final String CONVERSATION_ID = "SeamlineConversationId";

    /** Set by ingress: the stored interaction's id. */
    public static final String INTERACTION_ID = "SeamlineInteractionId";
    /** Set by ingress and reply: true when the message id was seen before and nothing new was stored. */
    public static final String DUPLICATE = "SeamlineDuplicate";
    /** Set by reply: the queued reply's id. */
    public static final String REPLY_ID = "SeamlineReplyId";

    /** Set on each change of {@code seamline:changes} (the body is the {@code Change} itself); the time as an OffsetDateTime in UTC. */
    public static final String CHANGE_POSITION = "SeamlineChangePosition";
    public static final String CHANGE_TYPE = "SeamlineChangeType";
    public static final String CHANGE_AT = "SeamlineChangeAt";
    public static final String CHANGE_MESSAGE_ID = "SeamlineChangeMessageId";
    public static final String OTHER_CUSTOMER_ID = "SeamlineOtherCustomerId";
    public static final String CHANNEL = "SeamlineChannel";
    public static final String INSTANCE = "SeamlineInstance";
    public static final String STATUS = "SeamlineStatus";
    public static final String ACTOR = "SeamlineActor";

    private SeamlineConstants() {
    }
}
