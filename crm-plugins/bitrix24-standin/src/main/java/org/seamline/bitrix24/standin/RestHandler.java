package org.seamline.bitrix24.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /rest/{userId}/{code}/{method}[.json]}: the inbound-webhook calling convention. Order of checks as the
 * portal applies them: credentials (401), an injected fault, the leaky bucket (503), then the method. JSON or
 * form bodies, and the query string, are all read as parameters.
 */
final class RestHandler implements HttpHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern WEBHOOK = Pattern.compile("/rest/(\\d+)/([^/]+)/([A-Za-z0-9._]+?)(?:\\.json)?/?");
    private static final Pattern APP_CALL = Pattern.compile("/rest/[A-Za-z0-9._]+/?");

    private final String userId;
    private final byte[] code;
    private final Faults faults;
    private final LeakyBucket bucket;
    private final Calls calls;
    private final Batch batch;
    private final StandInClock clock;

    RestHandler(String userId, String code, Faults faults, LeakyBucket bucket, Calls calls, StandInClock clock) {
        this.clock = clock;
        this.userId = userId;
        this.code = code.getBytes(StandardCharsets.UTF_8);
        this.faults = faults;
        this.bucket = bucket;
        this.calls = calls;
        this.batch = new Batch(calls);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Matcher webhook = WEBHOOK.matcher(path);
            if (!webhook.matches()) {
                ApiError error = APP_CALL.matcher(path).matches()
                        ? new ApiError(401, "NO_AUTH_FOUND", "Wrong authorization data")
                        : new ApiError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
                send(exchange, error);
                return;
            }
            if (!webhook.group(1).equals(userId)
                    || !MessageDigest.isEqual(code, webhook.group(2).getBytes(StandardCharsets.UTF_8))) {
                send(exchange, new ApiError(401, "INVALID_CREDENTIALS", "Invalid request credentials"));
                return;
            }
            Fault fault = faults.poll();
            if (fault != null && fault != Fault.NONE && fault != Fault.LOST_ANSWER) {
                send(exchange, new ApiError(fault.status, fault.code, fault.description));
                return;
            }
            if (!bucket.admit()) {
                send(exchange, new ApiError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
                return;
            }
            ObjectNode answer;
            try {
                answer = answer(webhook.group(3), params(exchange, body));
            } catch (ApiError e) {
                send(exchange, e);
                return;
            }
            if (fault == Fault.LOST_ANSWER) {
                return; // carried out, and the connection closes with no answer at all
            }
            send(exchange, 200, answer);
        }
    }

    private ObjectNode answer(String method, ObjectNode params) {
        if (method.equalsIgnoreCase("batch")) {
            ObjectNode answer = MAPPER.createObjectNode();
            Instant start = clock.now();
            answer.set("result", batch.run(params));
            answer.set("time", Calls.time(start, clock.now(), 0, start.getEpochSecond()));
            return answer;
        }
        Calls.Success done = calls.invoke(method, params);
        ObjectNode answer = MAPPER.createObjectNode();
        answer.set("result", done.result());
        if (done.next() != null) {
            answer.put("next", done.next());
        }
        if (done.total() != null) {
            answer.put("total", done.total());
        }
        answer.set("time", done.time());
        return answer;
    }

    private static ObjectNode params(HttpExchange exchange, byte[] body) {
        ObjectNode params = PhpParams.parse(exchange.getRequestURI().getRawQuery());
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (body.length == 0) {
            return params;
        }
        if (type.startsWith("application/json")) {
            JsonNode json;
            try {
                json = MAPPER.readTree(body);
            } catch (IOException e) {
                throw new ApiError(400, "INVALID_REQUEST", "The request body is not JSON");
            }
            if (json != null && json.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    params.set(field.getKey(), field.getValue());
                }
            }
            return params;
        }
        params.setAll(PhpParams.parse(new String(body, StandardCharsets.UTF_8)));
        return params;
    }

    private static void send(HttpExchange exchange, ApiError error) throws IOException {
        send(exchange, error.status, MAPPER.createObjectNode().put("error", error.code)
                .put("error_description", error.description()));
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
