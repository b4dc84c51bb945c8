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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.seamline.api.crm.CrmException;
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
        // The request's own timeout ends at the answer's headers; a CRM that then trickles the body would hold the
        // worker forever. So the whole exchange, body included, is bounded by the timeout and cancelled after it.
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), parse(response.body()), response.headers().firstValue("Retry-After"));
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw noAnswer(operation, timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw noAnswer(operation, timeout);
            }
            // only the type: the text may name the URL
            String type = e.getCause() == null ? "failure" : e.getCause().getClass().getSimpleName();
            throw new CrmException(Kind.TRANSIENT, "amoCRM " + operation + ": " + type + " talking to " + uri.getHost());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new CrmException(Kind.TRANSIENT, "amoCRM " + operation + ": interrupted");
        }
    }

    private static CrmException noAnswer(String operation, Duration timeout) {
        return new CrmException(Kind.TRANSIENT, "amoCRM " + operation + ": no answer within " + timeout.toMillis() + " ms");
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
