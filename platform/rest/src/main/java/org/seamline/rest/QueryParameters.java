package org.seamline.rest;

import jakarta.servlet.http.HttpServletRequest;

/** Reads paging parameters; a bad value is the client's error (400), not ours. */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private QueryParameters() {
    }

    static int limit(HttpServletRequest request) {
        return bounded(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    static int offset(HttpServletRequest request) {
        return bounded(request, "offset", 0, 0, Integer.MAX_VALUE);
    }

    private static int bounded(HttpServletRequest request, String name, int fallback, int min, int max) {
        String raw = request.getParameter(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new BadRequestException(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number");
        }
    }

    /** Thrown for a malformed query; the servlet answers 400 with the message. */
    static final class BadRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequestException(String message) {
            super(message);
        }
    }
}
