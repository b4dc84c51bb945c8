package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Calls {@code /api/v4} with the instance's bearer token: one attempt, and once more after a refresh when the
 * token is refused (401). Answers the body of a success, or nothing for 204 (amoCRM's "no such records").
 */
final class ApiClient {

    private final Http http;
    private final AmoCrmSettings settings;
    private final AccessTokens tokens;
    private final CallHealth health;

    ApiClient(Http http, AmoCrmSettings settings, AccessTokens tokens, CallHealth health) {
        this.http = http;
        this.settings = settings;
        this.tokens = tokens;
        this.health = health;
    }

    /** A read; empty for 204, and for 404 of a single record. */
    Optional<JsonNode> get(String pathAndQuery, String operation) throws CrmException {
        return send("GET", pathAndQuery, null, operation, true);
    }

    JsonNode post(String path, JsonNode body, String operation) throws CrmException {
        return required(send("POST", path, body, operation, false), operation);
    }

    JsonNode patch(String path, JsonNode body, String operation) throws CrmException {
        return required(send("PATCH", path, body, operation, false), operation);
    }

    private Optional<JsonNode> send(String method, String pathAndQuery, JsonNode body, String operation,
                                    boolean missingIsEmpty) throws CrmException {
        try {
            String token = tokens.token();
            Http.Answer answer = http.exchange(method, settings.endpoint(pathAndQuery), token, body, settings.timeout(), operation);
            if (answer.status() == 401) {
                token = tokens.afterRejection(token);
                answer = http.exchange(method, settings.endpoint(pathAndQuery), token, body, settings.timeout(), operation);
            }
            if (answer.status() == 204 || missingIsEmpty && answer.status() == 404) {
                health.succeeded();
                return Optional.empty();
            }
            if (answer.success()) {
                health.succeeded();
                return Optional.ofNullable(answer.body());
            }
            throw Failures.of(operation, answer.status(), answer.body(), answer.retryAfter());
        } catch (CrmException e) {
            health.failed(e);
            throw e;
        }
    }

    private static JsonNode required(Optional<JsonNode> body, String operation) throws CrmException {
        return body.orElseThrow(() -> new CrmException(Kind.UNKNOWN, "amoCRM " + operation + ": an empty answer"));
    }
}
