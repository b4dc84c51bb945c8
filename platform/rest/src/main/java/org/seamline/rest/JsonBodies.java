package org.seamline.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seamline.rest.errors.ApiException;

/**
 * Reads the fields of a JSON object body (read by {@link org.seamline.rest.json.JsonBodyProvider}); a field of the
 * wrong shape is the client's 400.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required");
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
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return value.asText();
    }

    static Boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false");
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
            throw ApiException.badRequest("'" + field + "' must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isNull() && !entry.getValue().isTextual()) {
                throw ApiException.badRequest("'" + field + "." + entry.getKey() + "' must be a string or null");
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
            throw ApiException.badRequest("'" + field + "' must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ApiException.badRequest("'" + field + "' must be an array of strings");
            }
            list.add(item.asText());
        }
        return list;
    }
}
