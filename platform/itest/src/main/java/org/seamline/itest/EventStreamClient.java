package org.seamline.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a browser's {@code EventSource} does with {@code GET /api/v1/events}: reads the server-sent events as they
 * come, on a thread of its own, and keeps them with the time each arrived. No reconnecting: a test sees the end.
 */
public final class EventStreamClient implements AutoCloseable {

    /** One event as received; {@code data} is parsed JSON, {@code receivedNanos} from {@link System#nanoTime()}. */
    public record Received(String id, String type, JsonNode data, long receivedNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public final int status;
    public final String contentType;
    private final InputStream body;
    private final List<Received> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean ended;
    private volatile int comments;

    private EventStreamClient(HttpResponse<InputStream> response, Consumer<Received> listener) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.body = response.body();
        this.reader = new Thread(() -> read(listener), "event-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream with the given request headers (Authorization, Cookie, Last-Event-ID …). */
    public static EventStreamClient open(HttpClient http, URI uri, Map<String, String> headers) {
        return open(http, uri, headers, received -> { });
    }

    /** As {@link #open(HttpClient, URI, Map)}, telling {@code listener} of each event on the reading thread. */
    public static EventStreamClient open(HttpClient http, URI uri, Map<String, String> headers, Consumer<Received> listener) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new EventStreamClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read(Consumer<Received> listener) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (type != null || data.length() > 0) {
                        Received received = new Received(id, type == null ? "message" : type,
                                data.length() == 0 ? null : JSON.readTree(data.toString()), System.nanoTime());
                        events.add(received);
                        listener.accept(received);
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException closed) {
            // the server or this client ended the stream
        } finally {
            ended = true;
        }
    }

    public List<Received> events() {
        return List.copyOf(events);
    }

    public List<Received> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Heartbeat comments seen so far. */
    public int comments() {
        return comments;
    }

    /** Whether the stream has ended (the server closed it, or {@link #close}). */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
        try {
            reader.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
