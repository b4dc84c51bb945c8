package org.seamline.core.plugins;

/** A plugin change that could not be made; {@link #kind()} says whose fault. */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The upload is not a plugin bundle: the client's mistake. */
        INVALID,
        /** The framework refused the change (a bundle that does not resolve, an activator that failed). */
        FAILED,
        /** The platform did not pick the jar up in time; it may still do so. */
        PENDING
    }

    private final Kind kind;

    public PluginException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
