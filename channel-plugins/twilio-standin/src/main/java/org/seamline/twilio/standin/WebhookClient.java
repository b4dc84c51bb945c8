package org.seamline.twilio.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends webhooks the way Twilio does (§A.1, §A.9): form-encoded UTF-8 in no particular parameter order, signed,
 * one idempotency token per webhook, 5 s to connect, 15 s in total, and one retry when the connection fails.
 */
final class WebhookClient {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookClient.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_ATTEMPTS = 2;

    private final String authToken;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    WebhookClient(String authToken) {
        this.authToken = authToken;
    }

    /** A new webhook with a fresh idempotency token. */
    Delivery send(String method, String url, Map<String, String> params, Signing signing, boolean expectTwiml) {
        return send(method, url, params, signing, expectTwiml, UUID.randomUUID().toString());
    }

    /** The same webhook again (a redelivery) when given the token of an earlier one. */
    Delivery send(String method, String url, Map<String, String> params, Signing signing, boolean expectTwiml,
            String idempotencyToken) {
        HttpRequest request = request(method, withoutFragment(url), params, signing, idempotencyToken);
        long deadline = System.nanoTime() + TOTAL_TIMEOUT.toNanos();
        for (int attempt = 1; ; attempt++) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(request, (name, value) -> true)
                        .timeout(left).build(), HttpResponse.BodyHandlers.ofByteArray());
                return answered(response, attempt, idempotencyToken, expectTwiml);
            } catch (IOException e) {
                boolean connectionFailed = !(e instanceof HttpTimeoutException) || e instanceof HttpConnectTimeoutException;
                if (connectionFailed && attempt < MAX_ATTEMPTS && deadline - System.nanoTime() > 0) {
                    LOG.debug("Webhook {} {}: connection failed ({}), retrying once", method, request.uri(), e.toString());
                    continue;
                }
                LOG.debug("Webhook {} {} got no answer after {} attempt(s): {}", method, request.uri(), attempt, e.toString());
                return new Delivery(0, null, null, attempt, idempotencyToken, "11205 HTTP connection failure: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(0, null, null, attempt, idempotencyToken, "11205 interrupted");
            }
        }
    }

    private HttpRequest request(String method, String url, Map<String, String> params, Signing signing, String token) {
        List<Map.Entry<String, String>> shuffled = new ArrayList<>(params.entrySet());
        Collections.shuffle(shuffled);
        String form = FormCodec.encode(shuffled);
        boolean get = "GET".equalsIgnoreCase(method);
        String target = get && !form.isEmpty() ? url + (url.contains("?") ? "&" : "?") + form : url;
        // A GET carries its parameters in the signed URL; a POST signs them after the URL.
        String signature = signature(signing, target, get ? Map.of() : params);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target))
                .header("I-Twilio-Idempotency-Token", token)
                .header("User-Agent", "TwilioProxy/1.1")
                .header("X-Home-Region", "us1")
                .header("Accept", "*/*");
        if (signature != null) {
            builder.header("X-Twilio-Signature", signature);
        }
        if (get) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
    }

    private String signature(Signing signing, String url, Map<String, String> params) {
        return switch (signing) {
            case VALID -> RequestSigner.sign(authToken, url, params);
            case INVALID -> RequestSigner.sign("not-" + authToken, url, params);
            case NONE -> null;
        };
    }

    private static Delivery answered(HttpResponse<byte[]> response, int attempt, String token, boolean expectTwiml) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        byte[] body = response.body();
        String problem = null;
        if (status < 200 || status > 299) {
            problem = "11200 HTTP retrieval failure: status " + status;
        } else if (expectTwiml && status == 200) {
            problem = Twiml.problem(contentType, body);
        }
        LOG.debug("Webhook {} {} answered {}", response.request().method(), response.request().uri(), status);
        return new Delivery(status, contentType, new String(body, StandardCharsets.UTF_8), attempt, token, problem);
    }

    /** Fragments carry Twilio's connection overrides, which the stand-in does not implement; they are never sent. */
    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
