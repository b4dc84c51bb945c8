package org.seamline.rest.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one shape of every error answer: {@code {"error": code, "message": text}}, JSON, never cached. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static Response.ResponseBuilder answer(int status, String code, String message) {
        return answer(status, code, message, Map.of());
    }

    /** The error with more fields beside {@code error} and {@code message}, such as what is wrong with each setting. */
    public static Response.ResponseBuilder answer(int status, String code, String message, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.putAll(more);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").entity(body);
    }

    public static Response of(int status, String code, String message) {
        return answer(status, code, message).build();
    }
}
