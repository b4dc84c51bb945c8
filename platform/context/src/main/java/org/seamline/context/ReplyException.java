package org.seamline.context;

/**
 * A reply that cannot be queued: an unknown conversation, no channel that can reach the customer, or no consent
 * for the purpose on that channel.
 */
public class ReplyException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind { NOT_FOUND, UNREACHABLE, NO_CONSENT }

    private final Kind kind;

    public ReplyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
