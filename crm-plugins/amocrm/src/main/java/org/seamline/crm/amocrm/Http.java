package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmHttp;
import org.seamline.api.crm.CrmException.Kind;

/** One bounded HTTP exchange with JSON in and out; the platform paces and retries, so there is no retry here. */
final class Http {

    /** An answer: its status, body (null for none or not JSON) and Retry-After. */
    record Answer(int status, JsonNode body, Optional<String> retryAfter) {
        boolean success() {
            return status >= 200 && status < 300;
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;

    Http() {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param bearer null for the token endpoint
     * @param body   null for none
     */
    Answer exchange(String method, URI uri, String bearer, JsonNode body, Duration timeout, String operation)
            throws CrmException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<byte[]> response = CrmHttp.send(client, request.build(), timeout);
            return new Answer(response.statusCode(), parse(response.body()), response.headers().firstValue("Retry-After"));
        } catch (HttpTimeoutException e) {
            throw new CrmException(Kind.TRANSIENT, "amoCRM " + operation + ": no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            // only the type: the text may name the URL
            throw new CrmException(Kind.TRANSIENT, "amoCRM " + operation + ": " + e.getClass().getSimpleName()
                    + " talking to " + uri.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException(Kind.TRANSIENT, "amoCRM " + operation + ": interrupted");
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
