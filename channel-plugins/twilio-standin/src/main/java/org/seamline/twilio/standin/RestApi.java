package org.seamline.twilio.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /2010-04-01/Accounts/{AccountSid}/}: message and call creates and fetches, and the
 * hosted media and recordings. Every request needs Basic credentials for the account in the path.
 */
final class RestApi implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/2010-04-01/Accounts/([^/]+)(/.*)$");
    private static final Pattern CREATE = Pattern.compile("^/(Messages|Calls)\\.json$");
    private static final Pattern FETCH = Pattern.compile("^/(Messages|Calls)/([A-Z]{2}[0-9a-f]{32})\\.json$");
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final Credentials credentials;
    private final CreateFailures failures;
    private final MessageDesk messages;
    private final CallDesk calls;
    private final MediaStore media;

    RestApi(Credentials credentials, CreateFailures failures, MessageDesk messages, CallDesk calls, MediaStore media) {
        this.credentials = credentials;
        this.failures = failures;
        this.messages = messages;
        this.calls = calls;
        this.media = media;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            Matcher account = ACCOUNT_PATH.matcher(path);
            if (!account.matches()) {
                throw notFound(path);
            }
            if (!credentials.allows(exchange.getRequestHeaders().getFirst("Authorization"), account.group(1))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Twilio API\"");
                throw new ApiError(401, 20003, "Authenticate");
            }
            route(exchange, account.group(2));
        } catch (ApiError error) {
            answerError(exchange, error);
        } catch (RuntimeException e) {
            LOG.warn("Twilio stand-in failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            answerError(exchange, new ApiError(500, 20500, "Internal Server Error"));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String resourcePath) throws IOException {
        String method = exchange.getRequestMethod();
        Matcher create = CREATE.matcher(resourcePath);
        Matcher fetch = FETCH.matcher(resourcePath);
        MediaStore.Media file = "GET".equals(method) ? media.get(exchange.getRequestURI().getRawPath()) : null;
        if (create.matches() && "POST".equals(method)) {
            Map<String, List<String>> form = FormCodec.decode(readBody(exchange.getRequestBody()));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token");
            answerJson(exchange, 201, create(create.group(1), form, authorization, token));
        } else if (fetch.matches() && "GET".equals(method)) {
            answerJson(exchange, 200, fetch(fetch.group(1), fetch.group(2), exchange.getRequestURI().getRawPath()));
        } else if (file != null) {
            answer(exchange, 200, file.contentType(), file.content());
        } else if (create.matches() || fetch.matches()) {
            throw new ApiError(405, 20004, "Method not allowed");
        } else {
            throw notFound(exchange.getRequestURI().getRawPath());
        }
    }

    private Map<String, Object> create(String resource, Map<String, List<String>> form, String authorization,
                                       String idempotencyToken) {
        CreateFailures.Planned planned = failures.next();
        if (planned != null && !planned.acceptFirst()) {
            throw planned.error();
        }
        Map<String, Object> json;
        if (resource.equals("Messages")) {
            MessageDesk.validate(form);
            json = messages.create(form, authorization, idempotencyToken);
        } else {
            CallDesk.validate(form);
            json = calls.create(form).json();
        }
        if (planned != null) {
            throw planned.error();
        }
        return json;
    }

    private Map<String, Object> fetch(String resource, String sid, String path) {
        if (resource.equals("Messages")) {
            MessageResource message = messages.find(sid);
            if (message != null) {
                return message.json();
            }
        } else {
            CallResource call = calls.find(sid);
            if (call != null) {
                return call.json();
            }
        }
        throw notFound(path);
    }

    private static ApiError notFound(String path) {
        return new ApiError(404, 20404, "The requested resource " + path + " was not found");
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answerError(HttpExchange exchange, ApiError error) throws IOException {
        if (error.retryAfterSeconds != null) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(error.retryAfterSeconds));
        }
        answerJson(exchange, error.httpStatus, error.body());
    }

    private static void answerJson(HttpExchange exchange, int status, Map<String, Object> json) throws IOException {
        answer(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(json));
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
