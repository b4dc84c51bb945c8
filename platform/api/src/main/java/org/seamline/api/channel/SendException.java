package org.seamline.api.channel;

/**
 * A send that did not go through. {@link #isRetryable()} tells the dispatcher whether another attempt can help
 * (timeouts, 429, 5xx) or not (invalid recipient, 4xx).
 */
public class SendException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public SendException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public SendException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean isRetryable() {
        return retryable;
    }
}
