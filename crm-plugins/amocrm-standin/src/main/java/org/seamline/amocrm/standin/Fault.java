package org.seamline.amocrm.standin;

/** What an injected fault makes the next API request answer, as amoCRM answers it. */
public enum Fault {
    /** Answered normally: queued before another fault to let requests through first. */
    NONE(0, null),
    /** 429: more than 7 requests in a second. */
    TOO_MANY_REQUESTS(429, "Too Many Requests"),
    /** 403: the account blocked the client's address after repeated excess. */
    IP_BLOCKED(403, "Forbidden"),
    /** 503: the API is unavailable. */
    SERVICE_UNAVAILABLE(503, "Service Unavailable"),
    /** 500: the API failed. */
    INTERNAL_ERROR(500, "Internal Server Error"),
    /** 401: the access token is refused whatever it is. */
    UNAUTHORIZED(401, "Unauthorized"),
    /** The request is carried out, then the connection closes without an answer: a timeout after the commit. */
    LOST_ANSWER(0, null),
    /** The connection closes before the request is read: the CRM is unreachable. */
    CONNECTION_RESET(0, null);

    final int status;
    final String title;

    Fault(int status, String title) {
        this.status = status;
        this.title = title;
    }
}
