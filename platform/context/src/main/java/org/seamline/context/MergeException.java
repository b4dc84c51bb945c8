package org.seamline.context;

/** A merge or unmerge that cannot be done: an unknown customer or merge, or a conflict with the current state. */
public class MergeException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind { NOT_FOUND, CONFLICT }

    private final Kind kind;

    public MergeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
