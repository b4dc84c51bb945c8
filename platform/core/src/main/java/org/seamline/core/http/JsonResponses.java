package org.seamline.core.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON answers. Errors are {@code {"error": code, "message": text}}: never a stack trace, never a secret. */
public final class JsonResponses {

    private JsonResponses() {
    }

    public static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Json.mapper().writeValue(response.getOutputStream(), body);
    }

    /**
     * 413 for a body over the limit. The rest of the body is never read, so the connection cannot carry another
     * request: the platform's {@code UnreadBodyFilter} tells the client so ({@link RequestBodies#closeIfUnread}).
     */
    public static void tooLarge(HttpServletResponse response, PayloadTooLargeException e) throws IOException {
        error(response, 413, "payload_too_large", e.getMessage());
    }

    /**
     * Answers 415 unless the request says its body is JSON; true when it did. A servlet that takes JSON checks this
     * first, so a form post (what a cross-site page can send without asking) is never read as JSON.
     */
    public static boolean refusedUnlessJson(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type != null && type.split(";", 2)[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        error(response, 415, "unsupported_media_type", "the body must be sent as Content-Type: application/json");
        return true;
    }

    public static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        write(response, status, body);
    }
}
