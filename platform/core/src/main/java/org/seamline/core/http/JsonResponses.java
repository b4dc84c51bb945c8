package org.seamline.core.http;

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

    public static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        write(response, status, body);
    }
}
