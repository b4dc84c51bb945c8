package org.seamline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The platform's HTTP surface as the demo uses it: {@code /health}, and {@code /api/v1} as the admin. */
final class SeamlineApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private String authorization;

    SeamlineApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The admin's credentials for every later {@code /api/v1} call. */
    void signIn(String adminPassword) {
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    boolean healthUp() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(TIMEOUT).GET().build()).statusCode() == 200;
    }

    /** Whether the plugin {@code org.seamline.channel.<kind>} lists the instance as UP. */
    boolean instanceUp(Channels.Instance instance) throws IOException, InterruptedException {
        for (JsonNode plugin : get("/api/v1/plugins").path("items")) {
            if (plugin.path("id").asText().equals("org.seamline.channel." + instance.kind())) {
                for (JsonNode listed : plugin.path("instances")) {
                    if (listed.path("name").asText().equals(instance.name())) {
                        return listed.path("health").asText().equals("UP");
                    }
                }
            }
        }
        return false;
    }

    /** The customer who owns {@code type:value}, if the platform knows one yet. */
    Optional<JsonNode> customerBy(String type, String value) throws IOException, InterruptedException {
        JsonNode items = get("/api/v1/customers?identifier=" + URLEncoder.encode(type + ":" + value, StandardCharsets.UTF_8))
                .path("items");
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    /** The customer's timeline, oldest first (the demo's customer has only a handful of entries). */
    List<JsonNode> timeline(String customerId) throws IOException, InterruptedException {
        List<JsonNode> entries = new ArrayList<>();
        get("/api/v1/customers/" + customerId + "/timeline?limit=100").path("items").forEach(entries::add);
        entries.sort((a, b) -> Long.compare(a.path("sequence").asLong(), b.path("sequence").asLong()));
        return entries;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
