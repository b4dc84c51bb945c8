package org.seamline.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seamline.core.http.Json;
import org.seamline.core.http.RequestBodies;

/**
 * Reads a JSON object body and its fields; a body or field of the wrong shape is the client's 400, a body not declared
 * {@code application/json} its 415. The latter is what keeps cross-site HTML forms out: a browser sends a form
 * (text/plain, form-urlencoded, multipart) to another site without asking, but never a JSON body.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object (an empty body, with or without a JSON content type, reads as an empty object). */
    static ObjectNode object(HttpServletRequest request, int maxBytes) throws IOException {
        if (!isJson(request.getContentType()) && (request.getContentType() != null || request.getContentLengthLong() != 0)) {
            throw new NotJsonException();
        }
        JsonNode body = Json.read(RequestBodies.read(request, maxBytes));
        if (body == null || body.isMissingNode()) {
            return Json.mapper().createObjectNode();
        }
        if (!body.isObject()) {
            throw new QueryParameters.BadRequestException("the body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    /** {@code application/json} or a {@code +json} type, whatever its parameters (charset). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    /** The body is not declared as JSON: 415, and nothing was read or changed. */
    static final class NotJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotJsonException() {
            super("the body must be sent as Content-Type: application/json");
        }
    }

    static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw new QueryParameters.BadRequestException("'" + field + "' is required");
        }
        return value;
    }

    /** A text field, or null when absent or JSON null. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new QueryParameters.BadRequestException("'" + field + "' must be a string");
        }
        return value.asText();
    }

    static Boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new QueryParameters.BadRequestException("'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    /** An object of strings; a JSON null value stays null (it means "remove"). Null when the field is absent. */
    static Map<String, String> stringMap(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new QueryParameters.BadRequestException("'" + field + "' must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isNull() && !entry.getValue().isTextual()) {
                throw new QueryParameters.BadRequestException("'" + field + "." + entry.getKey() + "' must be a string or null");
            }
            map.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText());
        }
        return map;
    }

    static List<String> stringList(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new QueryParameters.BadRequestException("'" + field + "' must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new QueryParameters.BadRequestException("'" + field + "' must be an array of strings");
            }
            list.add(item.asText());
        }
        return list;
    }
}
