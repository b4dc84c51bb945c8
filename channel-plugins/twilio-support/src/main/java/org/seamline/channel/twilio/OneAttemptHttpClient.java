package org.seamline.channel.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.message.BasicHeader;

/**
 * The SDK's transport for one channel instance: exactly one attempt per request within a bounded time, sent to the
 * configured API base (Twilio, or a compatible endpoint such as a local stand-in), carrying the outbox's idempotency
 * token. The SDK's own retry of 5xx answers is off on purpose: a 5xx after Twilio accepted a message would otherwise
 * send it twice; the outbox retries instead, with backoff and the same token.
 */
final class OneAttemptHttpClient extends com.twilio.http.HttpClient {

    private static final String USER_AGENT = "seamline-twilio";

    private final HttpClient http;
    private final URI apiBase;
    private final Duration timeout;
    private String idempotencyToken;
    private Response lastResponse;

    OneAttemptHttpClient(URI apiBase, Duration timeout) {
        this.apiBase = apiBase;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The token sent with the next requests, until changed; null sends none. */
    void idempotencyToken(String token) {
        this.idempotencyToken = token;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(request)).timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        if (idempotencyToken != null) {
            builder.header(TwilioWebhook.IDEMPOTENCY_HEADER, idempotencyToken);
        }
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST) {
            builder.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        } else {
            builder.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<Header> headers = new ArrayList<>();
            answer.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new BasicHeader(name, v))));
            lastResponse = new Response(answer.body(), answer.statusCode(), headers.toArray(new Header[0]));
            return lastResponse;
        } catch (IOException e) {
            lastResponse = null;
            throw new ApiConnectionException("no answer from " + apiBase.getHost() + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while waiting for " + apiBase.getHost(), e);
        }
    }

    /** The SDK always builds https://api.twilio.com/...: the path and query stay, the base is ours. */
    private URI target(Request request) {
        URI sdk = URI.create(request.constructURL().toString());
        String path = sdk.getRawPath() + (sdk.getRawQuery() == null ? "" : "?" + sdk.getRawQuery());
        String basePath = apiBase.getRawPath() == null ? "" : apiBase.getRawPath();
        return URI.create(apiBase.getScheme() + "://" + apiBase.getRawAuthority() + basePath + path);
    }

    /** The last answer's header, e.g. Retry-After of a 429; null when absent or there was no answer. */
    String lastHeader(String name) {
        if (lastResponse == null || lastResponse.getHeaders() == null) {
            return null;
        }
        for (Header header : lastResponse.getHeaders()) {
            if (header.getName().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
