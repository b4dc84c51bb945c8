package org.seamline.crm.hubspot;

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
import java.util.Optional;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmHttp;
import org.seamline.api.crm.CrmException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bounded attempt per call with the bearer token (the platform paces and retries). Answers the JSON or throws
 * the classified refusal; logs HubSpot's correlation id of each refusal, never a body.
 */
final class ApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final HubSpotSettings settings;
    private final CallHealth health;
    private final Clock clock;

    ApiClient(HttpClient http, ObjectMapper mapper, HubSpotSettings settings, CallHealth health, Clock clock) {
        this.http = http;
        this.mapper = mapper;
        this.settings = settings;
        this.health = health;
        this.clock = clock;
    }

    ApiPaths paths() {
        return settings.paths();
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    JsonNode get(String operation, URI uri) throws CrmException {
        return send(operation, HttpRequest.newBuilder(uri).GET());
    }

    /** The record, or empty when HubSpot answers 404. */
    Optional<JsonNode> find(String operation, URI uri) throws CrmException {
        try {
            return Optional.of(get(operation, uri));
        } catch (CrmException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    JsonNode post(String operation, URI uri, ObjectNode body) throws CrmException {
        return send(operation, HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(json(body)))
                .header("Content-Type", "application/json"));
    }

    JsonNode patch(String operation, URI uri, ObjectNode body) throws CrmException {
        return send(operation, HttpRequest.newBuilder(uri)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(json(body)))
                .header("Content-Type", "application/json"));
    }

    private JsonNode send(String operation, HttpRequest.Builder builder) throws CrmException {
        HttpRequest request = builder.timeout(settings.timeout()).header("Accept", "application/json")
                .header("Authorization", "Bearer " + settings.token()).build();
        HttpResponse<byte[]> response;
        try {
            response = CrmHttp.send(http, request, settings.timeout());
        } catch (HttpTimeoutException e) {
            throw failed(noAnswer(operation));
        } catch (IOException e) {
            // Only the type: the text may name the URL, which can hold an e-mail address.
            throw failed(new CrmException(Kind.TRANSIENT, "HubSpot " + operation + ": " + e.getClass().getSimpleName()
                    + " talking to " + settings.baseUrl().getHost()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException(Kind.TRANSIENT, "HubSpot " + operation + ": interrupted");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            health.succeeded(header(response, "X-HubSpot-RateLimit-Daily-Remaining"),
                    header(response, "X-HubSpot-RateLimit-Daily"));
            return body == null ? mapper.createObjectNode() : body;
        }
        CrmException failure = Failures.of(operation, status, body, response.headers().firstValue("Retry-After"),
                clock.instant(), settings.dailyLimitZone());
        if (failure.kind() != Kind.NOT_FOUND && failure.kind() != Kind.CONFLICT) {
            LOG.warn("{}", failure.getMessage());
        }
        throw failed(failure);
    }

    private CrmException noAnswer(String operation) {
        return new CrmException(Kind.TRANSIENT, "HubSpot " + operation + ": no answer within "
                + settings.timeout().toMillis() + " ms");
    }

    private CrmException failed(CrmException e) {
        health.failed(e);
        return e;
    }

    private byte[] json(ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode json = body.length == 0 ? null : mapper.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long header(HttpResponse<?> response, String name) {
        try {
            return response.headers().firstValue(name).map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
