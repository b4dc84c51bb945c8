package org.seamline.bitrix24.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Query strings and form bodies as PHP reads them: {@code fields[PHONE][0][VALUE]=…} nests, {@code values[]=a}
 * appends, and a level whose keys are exactly 0..n-1 becomes a list, so a form call and a JSON call look alike.
 */
final class PhpParams {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PhpParams() {
    }

    static ObjectNode parse(String query) {
        ObjectNode root = JSON.objectNode();
        if (query == null || query.isEmpty()) {
            return root;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            put(root, path(key), value);
        }
        return (ObjectNode) listify(root);
    }

    private static List<String> path(String key) {
        List<String> path = new ArrayList<>();
        int open = key.indexOf('[');
        if (open <= 0) {
            path.add(key);
            return path;
        }
        path.add(key.substring(0, open));
        while (open >= 0 && open < key.length()) {
            int close = key.indexOf(']', open);
            if (close < 0) {
                break;
            }
            path.add(key.substring(open + 1, close));
            open = key.indexOf('[', close);
        }
        return path;
    }

    private static void put(ObjectNode root, List<String> path, String value) {
        ObjectNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String segment = segment(node, path.get(i));
            JsonNode child = node.get(segment);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(segment);
            }
            node = (ObjectNode) child;
        }
        node.put(segment(node, path.get(path.size() - 1)), value);
    }

    /** {@code []} appends: the next free integer key, as PHP does. */
    private static String segment(ObjectNode node, String segment) {
        return segment.isEmpty() ? String.valueOf(node.size()) : segment;
    }

    private static JsonNode listify(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        boolean sequential = object.size() > 0;
        int expected = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); expected++) {
            sequential &= names.next().equals(String.valueOf(expected));
        }
        if (sequential) {
            ArrayNode list = JSON.arrayNode();
            object.elements().forEachRemaining(child -> list.add(listify(child)));
            return list;
        }
        ObjectNode copy = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            copy.set(field.getKey(), listify(field.getValue()));
        }
        return copy;
    }
}
