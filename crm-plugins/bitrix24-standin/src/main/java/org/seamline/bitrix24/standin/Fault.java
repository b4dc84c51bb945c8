package org.seamline.bitrix24.standin;

/** What an injected fault makes the next request answer, as Bitrix24 answers it ({@code _includes/system-errors.md}). */
public enum Fault {
    /** Answered normally: queued before another fault to let requests through first. */
    NONE(0, null, null),
    /** 503: the request-intensity limit. */
    QUERY_LIMIT_EXCEEDED(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"),
    /** 429: the method's resource limit. */
    OPERATION_TIME_LIMIT(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit"),
    /** 500: the portal failed. */
    INTERNAL_SERVER_ERROR(500, "INTERNAL_SERVER_ERROR", "Internal server error"),
    /** 401: an OAuth access token expired (never for a webhook, but a connector must classify it). */
    EXPIRED_TOKEN(401, "expired_token", "The access token provided has expired"),
    /** The request is carried out, then the connection closes without an answer: a timeout after the commit. */
    LOST_ANSWER(0, null, null);

    final int status;
    final String code;
    final String description;

    Fault(int status, String code, String description) {
        this.status = status;
        this.code = code;
        this.description = description;
    }
}
