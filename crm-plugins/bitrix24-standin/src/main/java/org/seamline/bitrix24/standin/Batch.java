package org.seamline.bitrix24.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code batch} ({@code settings/how-to-call-rest-api/batch.md}): up to 50 commands {@code method?query}, run in
 * order; {@code $result[key][FIELD]} in a command is replaced by a field of an earlier command's result. The call
 * itself answers 200; each command's refusal goes to {@code result_error}, and {@code halt: 1} stops at the first.
 */
final class Batch {

    static final int MAX_COMMANDS = 50;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern REFERENCE = Pattern.compile("\\$result\\[([^\\]]+)\\]((?:\\[[^\\]]*\\])*)");
    private static final Pattern SEGMENT = Pattern.compile("\\[([^\\]]*)\\]");

    private final Calls calls;

    Batch(Calls calls) {
        this.calls = calls;
    }

    ObjectNode run(JsonNode params) {
        JsonNode commands = params.path("cmd");
        if (commands.size() > MAX_COMMANDS) {
            throw new ApiError(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
        }
        for (JsonNode command : commands) {
            if (method(command.asText()).equalsIgnoreCase("batch")) {
                throw new ApiError(405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");
            }
        }
        boolean halt = params.path("halt").asInt(0) == 1;
        ObjectNode results = JSON.objectNode();
        ObjectNode errors = JSON.objectNode();
        ObjectNode totals = JSON.objectNode();
        ObjectNode nexts = JSON.objectNode();
        ObjectNode times = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = commands.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> command = it.next();
            String text = resolve(command.getValue().asText(), results);
            int question = text.indexOf('?');
            try {
                Calls.Success done = calls.invoke(method(text), PhpParams.parse(question < 0 ? "" : text.substring(question + 1)));
                results.set(command.getKey(), done.result());
                times.set(command.getKey(), done.time());
                if (done.total() != null) {
                    totals.put(command.getKey(), done.total());
                }
                if (done.next() != null) {
                    nexts.put(command.getKey(), done.next());
                }
            } catch (ApiError e) {
                errors.set(command.getKey(), JSON.objectNode().put("error", e.code).put("error_description", e.description()));
                if (halt) {
                    break;
                }
            }
        }
        ObjectNode result = JSON.objectNode();
        result.set("result", phpArray(results));
        result.set("result_error", phpArray(errors));
        result.set("result_total", phpArray(totals));
        result.set("result_next", phpArray(nexts));
        result.set("result_time", phpArray(times));
        return result;
    }

    private static String method(String command) {
        int question = command.indexOf('?');
        return question < 0 ? command : command.substring(0, question);
    }

    private static String resolve(String command, ObjectNode results) {
        Matcher reference = REFERENCE.matcher(command);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            JsonNode value = results.path(reference.group(1));
            Matcher segment = SEGMENT.matcher(reference.group(2));
            while (segment.find()) {
                String key = segment.group(1);
                value = value.isArray() && key.matches("\\d+") ? value.path(Integer.parseInt(key)) : value.path(key);
            }
            String text = value.isValueNode() && !value.isNull() ? value.asText() : "";
            reference.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(text, StandardCharsets.UTF_8)));
        }
        reference.appendTail(out);
        return out.toString();
    }

    /** PHP encodes an empty associative array as {@code []}: so does the real portal for an empty part. */
    private static JsonNode phpArray(ObjectNode map) {
        return map.isEmpty() ? JSON.arrayNode() : map;
    }
}
