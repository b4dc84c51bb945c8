package org.seamline.core.users;

/** A change to users or tokens that was refused; nothing changed. */
public final class UserException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The request itself is wrong (a weak password, a bad name): 400. */
        INVALID,
        /** The user or token does not exist: 404. */
        NOT_FOUND,
        /** It conflicts with what is stored (the name is taken, the last admin): 409. */
        CONFLICT,
        /** The actor may not do this (a token above its creator's role): 403. */
        FORBIDDEN
    }

    private final Kind kind;

    public UserException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
