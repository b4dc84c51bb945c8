package org.seamline.live;

/** Why an announcement was refused: the HTTP status and error code it answers, and a message for the caller. */
public final class PresenceRefusedException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public PresenceRefusedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
