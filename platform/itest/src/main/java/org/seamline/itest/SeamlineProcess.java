package org.seamline.itest;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real distribution, copied to a temporary home and run as its own process ({@code bin/seamline run}) on a
 * free loopback port. Everything a test does goes through HTTP or the file system, as an operator would.
 */
public final class SeamlineProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-admin-" + Long.toHexString(System.nanoTime());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    public final Path home;
    public final int port;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Process process;

    private SeamlineProcess(Path home, int port, Map<String, String> environment) {
        this.home = home;
        this.port = port;
        this.environment = environment;
    }

    /** Copies the built distribution into {@code dir} and starts it; extra environment (e.g. SEAMLINE_DB_URL) is added. */
    public static SeamlineProcess start(Path dir, Map<String, String> extraEnvironment) throws IOException {
        SeamlineProcess seamline = prepare(dir, extraEnvironment);
        seamline.launch();
        return seamline;
    }

    /** As {@link #start}, but returns as soon as the process runs: for tests of what it does before it is UP. */
    public static SeamlineProcess spawn(Path dir, Map<String, String> extraEnvironment) throws IOException {
        SeamlineProcess seamline = prepare(dir, extraEnvironment);
        seamline.spawnProcess();
        return seamline;
    }

    private static SeamlineProcess prepare(Path dir, Map<String, String> extraEnvironment) throws IOException {
        Path distribution = Path.of(System.getProperty("seamline.distribution", "../../distribution/target/seamline"));
        if (!Files.isExecutable(distribution.resolve("bin/seamline"))) {
            throw new IllegalStateException("Build the distribution first: " + distribution.toAbsolutePath());
        }
        Path home = dir.resolve("seamline");
        copy(distribution, home);
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.put("SEAMLINE_HTTP_PORT", Integer.toString(freePort()));
        env.put("SEAMLINE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new SeamlineProcess(home, Integer.parseInt(env.get("SEAMLINE_HTTP_PORT")), env);
    }

    public void launch() {
        spawnProcess();
        awaitUp();
    }

    private void spawnProcess() {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/seamline").toString(), "run")
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("logs/process.out").toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(home.resolve("logs"));
            process = builder.start();
            Process started = process;
            // Also when the test or benchmark JVM is terminated: never leave a platform running behind.
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "seamline-process-cleanup"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code /health} to answer 200, on the store the test asked for. */
    public void awaitUp() {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> get("/health", false).statusCode() == 200);
        // A test meant for PostgreSQL that silently ran on the embedded store would prove nothing.
        String expected = environment.containsKey("SEAMLINE_DB_URL") ? "POSTGRESQL" : "H2";
        String store = getJson("/health").at("/components/store/detail").asText();
        if (!store.startsWith(expected)) {
            throw new IllegalStateException("The platform's store is " + store + ", expected " + expected);
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing graceful. */
    /**
     * Waits until a channel instance is listed UP in {@code /api/v1/plugins}: serving, without sending a message that
     * would be stored.
     */
    public void awaitInstanceUp(String name) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (JsonNode plugin : getJson("/api/v1/plugins").get("items")) {
                for (JsonNode instance : plugin.get("instances")) {
                    if (instance.get("name").asText().equals(name) && instance.get("health").asText().equals("UP")) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public HttpResponse<String> get(String path, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (authenticated) {
            request.header("Authorization", basic("admin", ADMIN_PASSWORD));
        }
        return send(request.build());
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path, true);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return readJson(response.body());
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request.build());
    }

    /** An admin's JSON request with any method (POST, PATCH, DELETE). */
    public HttpResponse<String> asAdmin(String method, String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("admin", ADMIN_PASSWORD)).build());
    }

    /** An admin's upload of a file: the body as it is, typed by {@code contentType}. */
    public HttpResponse<String> uploadAsAdmin(String path, byte[] content, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).header("Content-Type", contentType)
                .header("Authorization", basic("admin", ADMIN_PASSWORD)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode readJson(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String log() throws IOException {
        Path log = home.resolve("logs/seamline.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                if (relative.startsWith("data") && relative.getNameCount() > 1 || relative.startsWith("logs") && relative.getNameCount() > 1
                        || relative.toString().equals("etc/admin.password")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
