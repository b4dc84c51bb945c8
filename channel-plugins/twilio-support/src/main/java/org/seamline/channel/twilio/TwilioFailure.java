package org.seamline.channel.twilio;

import java.time.Duration;
import org.seamline.api.channel.SendException;

/**
 * Twilio refused a request, or did not answer. {@link #code()} is Twilio's error code (21610: the recipient replied
 * STOP; 21211: invalid number; 20429: too many requests, ...), for the channel to learn from.
 */
public final class TwilioFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final Integer code;
    private final transient Duration retryAfter;

    TwilioFailure(String message, int httpStatus, Integer code, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status of Twilio's answer; 0 when no answer came (connection refused, reset, timed out). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Twilio's error code, or null when the answer had none. */
    public Integer code() {
        return code;
    }

    /** Whether trying again later can help: no answer, 408, 429, or a 5xx. Any other 4xx is final. */
    public boolean retryable() {
        return httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }

    /** How long Twilio asked us to wait (a 429's Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The outbox's view of this failure. */
    public SendException toSendException() {
        return retryAfter != null ? new SendException(getMessage(), retryAfter, this)
                : new SendException(getMessage(), retryable(), this);
    }
}
