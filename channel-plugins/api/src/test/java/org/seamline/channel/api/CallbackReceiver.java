package org.seamline.channel.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a free loopback port standing in for the integrator's system: it records each callback
 * and answers with the next scripted status (then 200 with {@code {"id": "ext-1"}}), a failure with
 * {@link #retryAfter} as its {@code Retry-After} when set.
 */
final class CallbackReceiver implements AutoCloseable {

    record Received(String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile String retryAfter;
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    CallbackReceiver(Integer... statuses) throws IOException {
        script.addAll(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/callback", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8), Map.copyOf(exchange.getRequestHeaders())));
            Integer status = script.poll();
            if (status != null && retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            byte[] answer = status == null ? "{\"id\":\"ext-1\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
