package org.seamline.amocrm.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error as amoCRM answers it: {@code application/problem+json} {@code {title, type, status, detail}}, and for a
 * refused body {@code validation-errors: [{request_id, errors: [{code, path, detail}]}]}.
 */
final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final int status;
    final transient ObjectNode body;

    private Problem(int status, ObjectNode body) {
        super(body.path("title").asText(), null, false, false);
        this.status = status;
        this.body = body;
    }

    static Problem of(int status, String title, String detail) {
        ObjectNode body = MAPPER.createObjectNode().put("title", title)
                .put("type", "https://httpstatus.es/" + status).put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        return new Problem(status, body);
    }

    static Problem notFound() {
        return of(404, "Not Found", null);
    }

    /** 400 with one validation error for the item at {@code requestId}. */
    static Problem invalid(String requestId, String code, String path, String detail) {
        Problem problem = of(400, "Bad Request", "Request validation failed");
        ArrayNode list = problem.body.putArray("validation-errors");
        ObjectNode item = list.addObject().put("request_id", requestId);
        item.putArray("errors").addObject().put("code", code).put("path", path).put("detail", detail);
        return problem;
    }
}
