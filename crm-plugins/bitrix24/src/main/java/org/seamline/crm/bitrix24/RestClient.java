package org.seamline.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmHttp;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Calls REST methods through the inbound webhook: one POST with a JSON body per call, one bounded attempt (the
 * platform paces and retries). Answers the {@code result} or throws the classified refusal.
 */
final class RestClient {

    /** A method's answer; {@code next} and {@code total} for list methods. */
    record Answer(JsonNode result, Integer next, Integer total) {
    }

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Bitrix24Settings settings;
    private final CallHealth health;
    private final Clock clock;

    RestClient(HttpClient http, ObjectMapper mapper, Bitrix24Settings settings, CallHealth health, Clock clock) {
        this.http = http;
        this.mapper = mapper;
        this.settings = settings;
        this.health = health;
        this.clock = clock;
    }

    ObjectNode params() {
        return mapper.createObjectNode();
    }

    Answer call(String method, ObjectNode params) throws CrmException {
        JsonNode body = post(method, params);
        return new Answer(body.path("result"), integer(body.get("next")), integer(body.get("total")));
    }

    /**
     * {@code batch}: the commands in order, by key. The call fails as a whole only when the portal refuses it (a
     * limit, the credentials); each command's own refusal is in {@link Batch#failure}.
     */
    Batch batch(Map<String, Command> commands, boolean halt) throws CrmException {
        ObjectNode params = params().put("halt", halt ? 1 : 0);
        ObjectNode cmd = params.putObject("cmd");
        commands.forEach((key, command) -> cmd.put(key, command.text()));
        JsonNode result = post("batch", params).path("result");
        return new Batch(result.path("result"), result.path("result_error"), clock);
    }

    /** A {@code batch} answer; PHP writes an empty part as {@code []}, so every part is read by key. */
    static final class Batch {
        private final JsonNode results;
        private final JsonNode errors;
        private final Clock clock;

        private Batch(JsonNode results, JsonNode errors, Clock clock) {
            this.results = results;
            this.errors = errors;
            this.clock = clock;
        }

        Optional<JsonNode> result(String key) {
            JsonNode result = results.isObject() ? results.get(key) : null;
            return Optional.ofNullable(result);
        }

        /** The command's result; its refusal, or an answer without it, as the exception. */
        JsonNode required(String key, String method) throws CrmException {
            Optional<CrmException> failure = failure(key, method);
            if (failure.isPresent()) {
                throw failure.get();
            }
            return result(key).orElseThrow(() -> new CrmException(Kind.UNKNOWN, "Bitrix24 " + method
                    + ": the batch answer has no result for it"));
        }

        Optional<CrmException> failure(String key, String method) {
            JsonNode error = errors.isObject() ? errors.get(key) : null;
            return error == null ? Optional.empty() : Optional.of(Failures.of(method, 0, error, Optional.empty(), clock.instant()));
        }
    }

    private JsonNode post(String method, ObjectNode params) throws CrmException {
        URI uri = settings.endpoint().resolve(method);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(params))).build();
        try {
            HttpResponse<byte[]> response = CrmHttp.send(http, request, settings.timeout());
            JsonNode body = parse(response.body());
            if (response.statusCode() == 200 && body != null && body.has("result") && !body.has("error")) {
                health.succeeded();
                return body;
            }
            throw failed(Failures.of(method, response.statusCode(), body,
                    response.headers().firstValue("Retry-After"), clock.instant()));
        } catch (HttpTimeoutException e) {
            throw failed(new CrmException(Kind.TRANSIENT, "Bitrix24 " + method + ": no answer within "
                    + settings.timeout().toMillis() + " ms"));
        } catch (IOException e) {
            // The exception's text may name the URL, and with it the webhook code: only its type is kept.
            throw failed(new CrmException(Kind.TRANSIENT, "Bitrix24 " + method + ": " + e.getClass().getSimpleName()
                    + " talking to " + settings.host()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException(Kind.TRANSIENT, "Bitrix24 " + method + ": interrupted");
        }
    }

    private CrmException failed(CrmException e) {
        health.failed(e);
        return e;
    }

    private byte[] json(ObjectNode params) {
        try {
            return mapper.writeValueAsBytes(params);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode json = mapper.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.canConvertToInt() && !node.isTextual() ? null : node.asInt();
    }

    static Map<String, Command> commands() {
        return new LinkedHashMap<>();
    }
}
