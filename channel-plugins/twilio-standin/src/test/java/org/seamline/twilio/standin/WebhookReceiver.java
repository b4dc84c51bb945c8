package org.seamline.twilio.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A real HTTP endpoint for the stand-in's webhooks: records every request and answers per path. */
final class WebhookReceiver implements AutoCloseable {

    /** One received request; {@code url} is what Twilio signed: this server's base URL plus the raw request URI. */
    record Received(String method, String url, String path, Map<String, String> params, String signature,
            String idempotencyToken, String userAgent, String contentType) {

        boolean validFor(String authToken) {
            Map<String, String> signed = "GET".equals(method) ? Map.of() : params;
            return signature != null && new RequestValidator(authToken).validate(url, signed, signature);
        }

        String param(String name) {
            return params.get(name);
        }
    }

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {
        static Answer twiml(String xml) {
            return new Answer(200, "text/xml", xml);
        }

        static Answer emptyTwiml() {
            return twiml("<Response/>");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Answer>> answers = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** How to answer requests to {@code path} (without query); unknown paths get an empty {@code <Response/>}. */
    WebhookReceiver on(String path, Function<Received, Answer> answer) {
        answers.put(path, answer);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> params = decode("GET".equals(exchange.getRequestMethod()) ? query : body);
            Received request = new Received(exchange.getRequestMethod(), url(exchange.getRequestURI().toString()),
                    exchange.getRequestURI().getPath(), params,
                    exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                    exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token"),
                    exchange.getRequestHeaders().getFirst("User-Agent"),
                    exchange.getRequestHeaders().getFirst("Content-Type"));
            received.add(request);
            Answer answer = answers.getOrDefault(request.path(), any -> Answer.emptyTwiml()).apply(request);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
