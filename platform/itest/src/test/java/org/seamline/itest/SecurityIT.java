package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin surfaces under attack from a browser the admin is logged in with (forged cross-site forms), from a
 * password guesser, and from curious local users and anonymous callers.
 */
class SecurityIT {

    private static final String SECRET = "security-it-secret-0123456789abcdef";
    private static final String EVIL = "http://evil.example";

    @TempDir
    static Path dir;
    static SeamlineProcess seamline;
    static ApiChannelClient shop;

    @BeforeAll
    static void start() throws Exception {
        seamline = SeamlineProcess.start(dir, Map.of());
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=" + SECRET);
        shop.awaitServing();
    }

    @AfterAll
    static void stop() throws Exception {
        seamline.close();
    }

    @Test
    void aCrossSiteFormPostToTheApiChangesNothing() {
        String conversation = conversationOf("erin");
        String note = "/api/v1/conversations/" + conversation + "/notes";

        // What a forged page can make the admin's browser send: a form, text/plain or urlencoded, with cached credentials.
        HttpResponse<String> plainText = asAdmin("POST", note, "{\"text\":\"forged\"}", "Content-Type", "text/plain", "Origin", EVIL);
        HttpResponse<String> form = asAdmin("POST", note, "text=forged", "Content-Type", "application/x-www-form-urlencoded");
        HttpResponse<String> jsonFromElsewhere = asAdmin("POST", note, "{\"text\":\"forged\"}", "Content-Type", "application/json",
                "Origin", EVIL);
        HttpResponse<String> foreignReferer = asAdmin("POST", note, "{\"text\":\"forged\"}", "Content-Type", "application/json",
                "Referer", EVIL + "/page.html");

        assertEquals(403, plainText.statusCode(), "refused for its origin before anything is read");
        assertEquals(415, form.statusCode(), form.body());
        assertEquals("unsupported_media_type", seamline.readJson(form.body()).get("error").asText());
        assertEquals(403, jsonFromElsewhere.statusCode());
        assertEquals("cross_origin", seamline.readJson(jsonFromElsewhere.body()).get("error").asText());
        assertEquals(403, foreignReferer.statusCode());
        assertFalse(timeline(conversation).contains("forged"), "no forged note on the timeline");

        HttpResponse<String> own = asAdmin("POST", note, "{\"text\":\"genuine\"}", "Content-Type", "application/json",
                "Origin", "http://127.0.0.1:" + seamline.port);
        assertEquals(201, own.statusCode(), "the server's own pages and API clients still work: " + own.body());
        assertTrue(timeline(conversation).contains("genuine"));
    }

    @Test
    void aCrossSiteFormPostToTheConsoleChangesNothing() {
        String token = consoleCookie();
        String form = "apply=true&propertylist=forged&forged=yes";

        assertEquals(403, console("POST", "/configMgr/org.seamline.forged", form, "Origin", EVIL, "Cookie", token).statusCode());
        assertEquals(403, console("POST", "/configMgr/org.seamline.forged", form, "Referer", EVIL + "/x.html", "Cookie", token)
                .statusCode(), "no Origin, a foreign Referer");
        HttpResponse<String> noToken = console("POST", "/configMgr/org.seamline.forged", form, "Origin", origin());
        assertEquals(403, noToken.statusCode());
        assertEquals("console_token_missing", seamline.readJson(noToken.body()).get("error").asText());
        assertEquals(0, seamline.readJson(console("GET", "/configMgr/org.seamline.forged.json", null).body()).size(),
                "no configuration was created");

        // The console itself, used from its own pages, still changes things.
        assertEquals(302, console("POST", "/configMgr/org.seamline.genuine", form, "Origin", origin(), "Cookie", token).statusCode());
        assertEquals("org.seamline.genuine", seamline.readJson(console("GET", "/configMgr/org.seamline.genuine.json", null).body())
                .at("/0/pid").asText());
    }

    @Test
    void theConsoleKeepsTheAdminPasswordWhateverConfigurationIsSavedForIt() {
        String token = consoleCookie();
        String form = "apply=true&propertylist=password,manager.root,default.render&password=&manager.root=%2Fmoved"
                + "&default.render=configMgr";
        assertEquals(302, console("POST", "/configMgr/org.apache.felix.webconsole.internal.servlet.OsgiManager", form,
                "Origin", origin(), "Cookie", token).statusCode());
        // default.render arrives with the same update: once the console lands on it, the rest was applied (or not).
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> console("GET", "", null).headers()
                .firstValue("Location").orElse("").endsWith("/system/console/configMgr"));

        assertEquals(401, seamline.send(HttpRequest.newBuilder(seamline.uri("/system/console/bundles"))
                .header("Authorization", SeamlineProcess.basic("admin", "")).build()).statusCode(), "an empty password");
        assertEquals(404, seamline.get("/moved/bundles", true).statusCode(), "the console did not move out of its guard");
        assertEquals(200, seamline.get("/system/console/bundles", true).statusCode());
    }

    @Test
    void passwordGuessingIsThrottledAndLoggedWhileTheAdminKeepsWorking() throws Exception {
        InetAddress guesser = InetAddress.getByName("127.0.0.2");
        String wrong = "Authorization: " + SeamlineProcess.basic("admin", "guess-7Qx");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, RawHttp.status(RawHttp.exchange(guesser, seamline.port, "GET", "/api/v1/plugins", wrong)));
        }

        String refused = RawHttp.exchange(guesser, seamline.port, "GET", "/system/console/bundles",
                "Authorization: " + SeamlineProcess.basic("admin", SeamlineProcess.ADMIN_PASSWORD));
        assertEquals(429, RawHttp.status(refused), "even the right password, from the guessing address");
        assertTrue(refused.contains("Retry-After: "), refused);
        assertEquals(200, seamline.get("/api/v1/plugins", true).statusCode(), "the admin from another address");
        assertEquals(200, seamline.get("/system/console/bundles", true).statusCode());

        String log = seamline.log();
        assertTrue(log.contains("Failed login for user 'admin' from 127.0.0.2 on GET /api/v1/plugins"), log);
        assertFalse(log.contains("guess-7Qx"), "never the password");
    }

    @Test
    void traceIsRefusedAndTheConsoleAnswersOptions() {
        HttpResponse<String> trace = seamline.send(HttpRequest.newBuilder(seamline.uri("/api/v1/plugins"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", SeamlineProcess.basic("admin", SeamlineProcess.ADMIN_PASSWORD)).build());
        assertEquals(405, trace.statusCode());
        assertFalse(trace.body().contains("Basic "), "no credentials echoed");

        HttpResponse<String> options = console("OPTIONS", "/bundles", null);
        assertEquals(204, options.statusCode(), options.body());
        assertTrue(options.headers().firstValue("Allow").orElse("").contains("GET"));
    }

    @Test
    void errorsOutsideTheApiAreJson() {
        HttpResponse<String> missing = seamline.get("/no/such/page", false);
        assertEquals(404, missing.statusCode());
        JsonNode body = seamline.readJson(missing.body());
        assertEquals("not_found", body.get("error").asText());
        assertTrue(body.has("message"));
    }

    @Test
    void healthShowsAnonymousCallersOnlyUpOrDown() {
        JsonNode anonymous = seamline.readJson(seamline.get("/health", false).body());
        assertEquals("UP", anonymous.at("/components/store/status").asText());
        assertFalse(anonymous.toString().contains("detail"), anonymous::toString);
        assertFalse(anonymous.toString().contains(seamline.home.toString()), "no file path");

        JsonNode admin = seamline.getJson("/health");
        assertTrue(admin.at("/components/store/detail").asText().startsWith("H2"), admin::toString);
    }

    @Test
    void theDatabaseAndTheLogAreTheOwnersOnly() throws Exception {
        for (String owned : new String[] {"data", "logs", "data/db"}) {
            assertEquals("rwx------", permissions(seamline.home.resolve(owned)), owned);
        }
        assertEquals("rw-------", permissions(seamline.home.resolve("logs/seamline.log")));
        try (Stream<Path> db = Files.list(seamline.home.resolve("data/db"))) {
            db.forEach(file -> assertEquals("rw-------", permissions(file), file.toString()));
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String origin() {
        return "http://127.0.0.1:" + seamline.port;
    }

    /** The anti-forgery cookie a console page hands the admin's browser, as a Cookie header value. */
    private static String consoleCookie() {
        return console("GET", "/bundles", null).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("seamline-console=")).findFirst().orElseThrow().split(";", 2)[0];
    }

    private static HttpResponse<String> console(String method, String path, String form, String... headers) {
        String[] all = Stream.concat(Stream.of("Content-Type", "application/x-www-form-urlencoded"), Stream.of(headers))
                .toArray(String[]::new);
        return asAdmin(method, "/system/console" + path, form, all);
    }

    private static HttpResponse<String> asAdmin(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(seamline.uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", SeamlineProcess.basic("admin", SeamlineProcess.ADMIN_PASSWORD));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return seamline.send(request.build());
    }

    private static String conversationOf(String userId) {
        shop.post("{\"id\":\"in-" + userId + "\",\"from\":{\"userId\":\"" + userId + "\"},\"text\":\"Hello\"}", SECRET);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                seamline.getJson("/api/v1/customers?identifier=userId:" + userId).get("items").size() == 1);
        String customerId = seamline.getJson("/api/v1/customers?identifier=userId:" + userId).at("/items/0/id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                seamline.getJson("/api/v1/conversations?customerId=" + customerId).get("items").size() == 1);
        return seamline.getJson("/api/v1/conversations?customerId=" + customerId).at("/items/0/id").asText();
    }

    private static String timeline(String conversation) {
        return seamline.getJson("/api/v1/conversations/" + conversation + "/messages").toString();
    }
}
