package org.seamline.bitrix24.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the stand-in as a connector would, and answers status and body. */
final class Client {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Answer(int status, JsonNode body) {
    }

    private final String base;

    Client(String base) {
        this.base = base;
    }

    Answer json(String method, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + method)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer form(String method, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    Answer get(String methodAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + methodAndQuery)).GET().build());
    }

    private static Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), MAPPER.readTree(response.body()));
    }

    static String quote(String json) {
        return json.replace('\'', '"');
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(quote(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
