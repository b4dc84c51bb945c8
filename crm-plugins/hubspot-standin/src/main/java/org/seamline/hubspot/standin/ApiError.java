package org.seamline.hubspot.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A refusal in HubSpot's error shape: {@code {status:"error", message, correlationId, category, ...}}. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String category;
    /** Extra fields of the body (errors[], context, policyName), or null. */
    final transient ObjectNode extra;

    ApiError(int status, String category, String message) {
        this(status, category, message, null);
    }

    ApiError(int status, String category, String message, ObjectNode extra) {
        super(message, null, false, false);
        this.status = status;
        this.category = category;
        this.extra = extra;
    }

    static ApiError validation(String message) {
        return new ApiError(400, "VALIDATION_ERROR", message);
    }

    static ApiError notFound() {
        return new ApiError(404, "OBJECT_NOT_FOUND", "resource not found");
    }
}
