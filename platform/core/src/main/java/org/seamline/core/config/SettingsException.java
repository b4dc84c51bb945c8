package org.seamline.core.config;

import java.util.Map;

/** A settings change that was refused; nothing was written. */
public class SettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** One or more values are wrong: {@link #fieldErrors()} says which and why. */
        INVALID,
        /** The instance changed since the revision the change was based on, or it already exists. */
        CONFLICT,
        /** No such plugin configuration or instance. */
        NOT_FOUND
    }

    private final Kind kind;
    private final transient Map<String, String> fieldErrors;

    public SettingsException(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public SettingsException(Kind kind, String message, Map<String, String> fieldErrors) {
        super(message);
        this.kind = kind;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Kind kind() {
        return kind;
    }

    /** Setting id to what is wrong with its value; empty unless {@link Kind#INVALID}. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
