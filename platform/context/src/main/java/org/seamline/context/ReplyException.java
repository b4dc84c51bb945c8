package org.seamline.context;

/** A reply that cannot be queued: an unknown conversation, or no channel that can reach the customer. */
public class ReplyException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind { NOT_FOUND, UNREACHABLE }

    private final Kind kind;

    public ReplyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
