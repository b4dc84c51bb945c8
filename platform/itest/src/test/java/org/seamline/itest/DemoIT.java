package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/seamline demo} as a new user runs it, on a copy of the distribution: it plays Lena's journey, and the API
 * then shows one customer whose email, WhatsApp message and call are in one conversation; the installation's own
 * configuration and database stay untouched; SIGTERM stops the platform and the stand-ins with it.
 */
class DemoIT {

    private static final Duration START = Duration.ofSeconds(180);

    @TempDir
    Path dir;
    private Process demo;
    private final StringBuffer output = new StringBuffer();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void cleanUp() {
        if (demo != null) {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    @Test
    void theDemoPlaysOneCustomersJourneyIntoOneConversationAndStopsOnSigterm() throws Exception {
        SeamlineProcess installation = SeamlineProcess.unstarted(dir, Map.of());
        Path home = installation.home;
        demo = startDemo(home, installation.port);

        await().atMost(START).pollInterval(Duration.ofMillis(200))
                .until(() -> output.toString().contains("Console:") || !demo.isAlive());
        assertTrue(demo.isAlive(), "the demo ended early:\n" + output);
        String printed = output.toString();
        String baseUrl = "http://127.0.0.1:" + installation.port;
        assertTrue(printed.contains("Console:  " + baseUrl + "/console/"), printed);

        Path passwordFile = home.resolve("data/demo/etc/admin.password");
        String password = Files.readString(passwordFile).strip();
        assertTrue(printed.contains(passwordFile.toString()), "names the password file:\n" + printed);
        assertFalse(printed.contains(password), "never prints the password itself");

        JsonNode customers = get(baseUrl, password, "/api/v1/customers?limit=100");
        assertEquals(1, customers.get("total").asInt(), customers.toString());
        JsonNode lena = customers.at("/items/0");
        assertEquals("Lena Fischer", lena.get("displayName").asText());
        String id = lena.get("id").asText();

        Set<String> channels = new HashSet<>();
        Set<String> conversations = new HashSet<>();
        for (JsonNode entry : get(baseUrl, password, "/api/v1/customers/" + id + "/timeline?limit=100").get("items")) {
            if (entry.get("direction").asText().equals("in")) {
                channels.add(entry.get("channel").asText());
                conversations.add(entry.get("conversationId").asText());
            }
        }
        assertTrue(channels.containsAll(Set.of("email", "whatsapp", "voice")), channels.toString());
        assertEquals(1, conversations.size(), "one continuous conversation: " + conversations);
        assertEquals(1, get(baseUrl, password, "/api/v1/conversations?customerId=" + id).get("items").size());

        // The demo ran on data/demo: the installation got no channel configuration and no database.
        try (Stream<Path> etc = Files.list(home.resolve("etc"))) {
            assertEquals(List.of(), etc.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("org.seamline.channel.")).toList());
        }
        assertFalse(Files.exists(home.resolve("data/db")), "the installation's own database was not created");

        // A second demo (or a "start") is refused while this one runs: same port, same pid file.
        Process second = new ProcessBuilder(home.resolve("bin/seamline").toString(), "demo").redirectErrorStream(true).start();
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, second.exitValue());
        assertTrue(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("already running"));

        List<ProcessHandle> platform = demo.descendants().toList();
        assertFalse(platform.isEmpty(), "the platform runs as the demo's child process");
        demo.destroy();
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the demo");
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.stream().noneMatch(ProcessHandle::isAlive));
        assertFalse(Files.exists(home.resolve("data/seamline.pid")), "the pid file is removed");
        try (ServerSocket port = new ServerSocket(installation.port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(installation.port, port.getLocalPort(), "the HTTP port is free again");
        }
    }

    private Process startDemo(Path home, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/seamline").toString(), "demo").directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true);
        builder.environment().put("SEAMLINE_HTTP_PORT", Integer.toString(port));
        // As a new user runs it: the platform generates the admin password.
        builder.environment().remove("SEAMLINE_ADMIN_PASSWORD");
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (IOException ended) {
                // the process is gone; what it printed is in output
            }
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private JsonNode get(String baseUrl, String password, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", SeamlineProcess.basic("admin", password)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return json.readTree(response.body());
    }
}
