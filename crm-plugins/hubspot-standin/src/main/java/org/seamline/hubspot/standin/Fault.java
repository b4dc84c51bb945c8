package org.seamline.hubspot.standin;

/**
 * What an injected fault makes the next request answer, as HubSpot answers it.
 *
 * @param status           the HTTP status; 0 for {@link #lostAnswer()}
 * @param category         the error category or, for a 429, the {@code policyName}
 * @param retryAfterSeconds a {@code Retry-After} header to send, or null
 */
public record Fault(int status, String category, Integer retryAfterSeconds) {

    /** 429 with {@code policyName} TEN_SECONDLY_ROLLING, SECONDLY or DAILY, and no Retry-After (HubSpot's usual). */
    public static Fault rateLimit(String policyName) {
        return new Fault(429, policyName, null);
    }

    public static Fault rateLimit(String policyName, int retryAfterSeconds) {
        return new Fault(429, policyName, retryAfterSeconds);
    }

    /** 502, 503, 504, 500, 477 (migration in progress), or a 401 EXPIRED_AUTHENTICATION. */
    public static Fault status(int status, String category) {
        return new Fault(status, category, null);
    }

    public static Fault serviceUnavailable() {
        return status(503, "SERVICE_UNAVAILABLE");
    }

    /** Answered normally: queued before another fault to let requests through first. */
    public static Fault none() {
        return new Fault(200, null, null);
    }

    /** The request is carried out, then the connection closes without an answer: a timeout after the commit. */
    public static Fault lostAnswer() {
        return new Fault(0, null, null);
    }

    boolean passes() {
        return status == 200;
    }

    boolean lost() {
        return status == 0;
    }
}
