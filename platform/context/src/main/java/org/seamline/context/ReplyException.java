package org.seamline.context;

/**
 * A reply that cannot be queued: an unknown conversation, no channel that can reach the customer, no consent
 * for the purpose on that channel, an idempotency key reused for another request, or free text where the channel's
 * customer-service window is closed.
 */
public class ReplyException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No such conversation. */
        NOT_FOUND,
        /** No channel can reach the customer with this message (no address, no channel deployed, no attachments). */
        UNREACHABLE,
        /** The customer's consent does not allow it. */
        NO_CONSENT,
        /** The reply names an attachment that is not stored. */
        UNKNOWN_ATTACHMENT,
        /** The Idempotency-Key already queued a different reply (other text, files, channel, purpose or template) here. */
        IDEMPOTENCY_KEY_REUSED,
        /**
         * The channel allows free text only inside the customer's service window, which is closed or unknown, and
         * the reply names no template.
         */
        TEMPLATE_REQUIRED
    }

    private final Kind kind;

    public ReplyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
