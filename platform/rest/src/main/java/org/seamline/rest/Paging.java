package org.seamline.rest;

import org.seamline.rest.errors.ApiException;

/**
 * A list request's {@code offset} and {@code limit} query parameters, bounded: a page holds at most {@value #MAX_LIMIT}
 * items, and {@code nextOffset} in the answer ({@link PageBody}) walks the rest. A bad value is the client's 400.
 */
record Paging(int offset, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    static Paging of(String offset, String limit) {
        return new Paging(bounded("offset", offset, 0, 0, Integer.MAX_VALUE), bounded("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    private static int bounded(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw ApiException.badRequest(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number");
        }
    }
}
