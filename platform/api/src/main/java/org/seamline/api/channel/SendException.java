package org.seamline.api.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * A send that did not go through. {@link #isRetryable()} tells the outbox whether another attempt can help
 * (timeouts, connection failures, 408, 429, 5xx) or not (invalid recipient, other 4xx): a refusal is dead-lettered at
 * once. {@link #retryAfter()} passes on how long a provider asked to wait (HTTP 429 {@code Retry-After}); the outbox
 * then waits at least that long before the next attempt.
 */
public class SendException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Duration retryAfter;

    public SendException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = null;
    }

    public SendException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    /** A retryable failure whose provider asked to wait {@code retryAfter} before trying again. */
    public SendException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive");
        }
        this.retryable = true;
        this.retryAfter = retryAfter;
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** How long the provider asked to wait before the next attempt, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
