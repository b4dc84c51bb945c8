package org.seamline.twilio.standin;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Twilio REST error: HTTP status plus the body {@code {"code","message","more_info","status"}}. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int httpStatus;
    final int code;
    final Integer retryAfterSeconds;

    ApiError(int httpStatus, int code, String message) {
        this(httpStatus, code, message, null);
    }

    ApiError(int httpStatus, int code, String message, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError badRequest(int code, String message) {
        return new ApiError(400, code, message);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", getMessage());
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", httpStatus);
        return body;
    }
}
