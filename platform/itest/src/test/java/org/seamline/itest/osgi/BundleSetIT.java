package org.seamline.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ContextEvents;
import org.seamline.core.users.Role;
import org.seamline.core.users.Users;
import org.osgi.framework.Constants;
import org.seamline.launcher.FrameworkProperties;

/**
 * The distribution's bundle set in a native Felix container, configured by the launcher's own
 * {@link FrameworkProperties}. Inside the framework the tests see what HTTP cannot: bundle states, and the
 * JVM's threads after an undeploy.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleSetIT {

    private static final String HOME = "seamline.it.home";
    private static final String PORT = "seamline.it.port";
    private static final String DISTRIBUTION = "seamline.distribution";
    private static final long WITHIN_MS = 3_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        Path distribution = Path.of(System.getProperty(DISTRIBUTION, "../../distribution/target/seamline")).toAbsolutePath();
        Path home = Files.createTempDirectory("seamline-paxexam");
        for (String dir : List.of("etc", "deploy", "data", "logs")) {
            Files.createDirectories(home.resolve(dir));
        }
        Files.copy(distribution.resolve("etc/org.seamline.store.cfg"), home.resolve("etc/org.seamline.store.cfg"));
        int port = freePort();

        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(frameworkStartLevel(FrameworkProperties.PLUGIN_START_LEVEL));
        options.add(systemProperty(HOME).value(home.toString()));
        options.add(systemProperty(PORT).value(Integer.toString(port)));
        options.add(systemProperty(DISTRIBUTION).value(distribution.toString()));
        options.add(systemProperty("seamline.home").value(home.toString()));
        options.add(systemProperty("logback.configurationFile").value(distribution.resolve("etc/logback.xml").toString()));
        Map<String, String> properties = FrameworkProperties.build(home,
                Map.of("SEAMLINE_HTTP_PORT", Integer.toString(port)), sha256("it-password"));
        properties.forEach((key, value) -> {
            if (!key.startsWith("org.osgi.framework.")) {
                options.add(frameworkProperty(key).value(value));
            }
        });
        try (Stream<Path> levels = Files.list(distribution.resolve("system"))) {
            for (Path level : levels.filter(d -> d.getFileName().toString().matches("\\d+")).sorted().toList()) {
                try (Stream<Path> jars = Files.list(level)) {
                    for (Path jar : jars.sorted().toList()) {
                        // A fragment (the Jakarta REST whiteboard's SSE part) is attached to its host, never started.
                        options.add(bundle(jar.toUri().toString()).startLevel(Integer.parseInt(level.getFileName().toString()))
                                .start(!isFragment(jar)));
                    }
                }
            }
        }
        return options.toArray(new Option[0]);
    }

    @Test
    public void everyBundleOfTheDistributionIsActive() throws Exception {
        awaitTrue("all bundles active", 10_000, () -> notActive().isEmpty());
        assertEquals(List.of(), notActive());
        assertTrue(context.getBundles().length > 40);
    }

    @Test
    public void theApiChannelDeploysServesUndeploysWithoutThreadsAndRedeploys() throws Exception {
        Path home = Path.of(System.getProperty(HOME));
        Path jar = apiChannelJar(Path.of(System.getProperty(DISTRIBUTION)).resolve("deploy"));
        Files.writeString(home.resolve("etc/org.seamline.channel.api-shop.cfg"), "secret=one\n");

        Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        awaitTrue("serving within 3 s of the jar arriving", WITHIN_MS, () -> post("m-1", "one") == 201);

        Files.delete(home.resolve("deploy").resolve(jar.getFileName()));
        awaitTrue("webhook gone within 3 s of the jar leaving", WITHIN_MS, () -> post("m-2", "one") == 404);
        awaitTrue("no thread of the plugin left", WITHIN_MS, () -> pluginThreads().isEmpty());
        awaitTrue("the plugin bundle uninstalled", WITHIN_MS, () -> installed("org.seamline.channel.api") == null);

        Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()));
        awaitTrue("serving again within 3 s", WITHIN_MS, () -> post("m-3", "one") == 201);
    }

    @Test
    public void aChangedSecretInTheConfigFileIsEnforced() throws Exception {
        Path home = Path.of(System.getProperty(HOME));
        Path jar = apiChannelJar(Path.of(System.getProperty(DISTRIBUTION)).resolve("deploy"));
        Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(home.resolve("etc/org.seamline.channel.api-live.cfg"), "secret=before\n");
        awaitTrue("instance live serves", WITHIN_MS, () -> post("live", "l-1", "before") == 201);

        Files.writeString(home.resolve("etc/org.seamline.channel.api-live.cfg"), "secret=after\n");
        awaitTrue("new secret enforced", WITHIN_MS, () -> post("live", "l-2", "after") == 201);
        assertEquals(403, post("live", "l-3", "before"));
    }

    private List<String> notActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() != Bundle.ACTIVE && !(fragment && b.getState() == Bundle.RESOLVED)) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        return notActive;
    }

    private Bundle installed(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static List<String> pluginThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.contains("channel-api-shop")).toList();
    }

    private static int post(String id, String secret) {
        return post("shop", id, secret);
    }

    private static int post(String instance, String id, String secret) {
        String body = "{\"id\":\"" + id + "\",\"from\":{\"userId\":\"u\"}}";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty(PORT)
                            + "/hooks/api/" + instance + "/messages"))
                    .header("X-Seamline-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path apiChannelJar(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("seamline-channel-api")).findFirst().orElseThrow();
        }
    }

    @Test
    public void anInboundMessageIsAnnouncedToPluginsOnEventAdminAfterItIsProcessed() throws Exception {
        List<Event> seen = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> subscription = new Hashtable<>();
        subscription.put(EventConstants.EVENT_TOPIC, "seamline/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, seen::add, subscription);
        try {
            awaitTrue("the ingress is registered", 20_000, () -> context.getServiceReference(Ingress.class) != null);
            Ingress ingress = context.getService(context.getServiceReference(Ingress.class));
            ingress.accept(new InboundMessage("api", "pax", "evt-1", Party.of("Eve", new Identifier("email", "eve@example.com")),
                    "Hello", null, null, null, null));

            awaitTrue("customer.created, conversation.opened and message.received", 10_000, () -> seen.stream()
                    .map(Event::getTopic).toList().containsAll(List.of(ContextEvents.CUSTOMER_CREATED,
                            ContextEvents.CONVERSATION_OPENED, ContextEvents.MESSAGE_RECEIVED)));
            Event received = seen.stream().filter(e -> e.getTopic().equals(ContextEvents.MESSAGE_RECEIVED)).findFirst().orElseThrow();
            assertEquals("api", received.getProperty(ContextEvents.CHANNEL));
            assertTrue(received.getProperty(ContextEvents.CONVERSATION_ID) instanceof String);
            assertFalse("events carry ids, never the text", received.containsProperty("text"));
        } finally {
            handler.unregister();
        }
    }

    /**
     * An unexpected failure inside a resource (here one the test registers on the whiteboard, since the platform's own
     * resources offer no input that breaks them) is answered as the JSON error, with an incident id and without a
     * stack trace, the exception's class or its message.
     */
    @Test
    public void anUnexpectedErrorInAResourceIsAnsweredAsJsonWithoutAStackTrace() throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jakartars.resource", Boolean.TRUE);
        properties.put("osgi.jakartars.name", "it.failing");
        awaitTrue("the users service is registered", 20_000, () -> context.getServiceReference(Users.class) != null);
        Users users = context.getService(context.getServiceReference(Users.class));
        if (users.find("it-admin").isEmpty()) {
            users.create("it-admin", "it-admin-password-1", Role.ADMIN, List.of(), "it");
        }
        ServiceRegistration<Object> resource = context.registerService(Object.class, new FailingResource(), properties);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty(PORT)
                            + "/api/v1/it-failure"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "it-admin:it-admin-password-1".getBytes(StandardCharsets.UTF_8))).GET().build();
            List<HttpResponse<String>> answer = new ArrayList<>();
            try {
                awaitTrue("the resource is served", 20_000, () -> {
                    answer.clear();
                    answer.add(send(request));
                    return answer.get(0) != null && answer.get(0).statusCode() == 500;
                });
            } catch (AssertionError e) {
                HttpResponse<String> last = answer.isEmpty() ? null : answer.get(0);
                throw new AssertionError(e.getMessage() + "; last answer " + (last == null ? "none"
                        : last.statusCode() + " " + last.body()), e);
            }
            HttpResponse<String> failed = answer.get(0);
            assertEquals("application/json", failed.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(failed.body(), failed.body().startsWith("{\"error\":\"internal_error\",\"message\":\""));
            assertTrue(failed.body(), failed.body().contains("incident"));
            for (String leak : List.of("IllegalStateException", FailingResource.SECRET, "\tat ", "org.seamline", "jersey")) {
                assertFalse("no " + leak + " in " + failed.body(), failed.body().contains(leak));
            }
        } finally {
            resource.unregister();
        }
    }

    /** A resource that fails the way a bug would. */
    @jakarta.ws.rs.Path("it-failure")
    public static class FailingResource {

        static final String SECRET = "db-password-in-a-message";

        @jakarta.ws.rs.GET
        public String fail() {
            throw new IllegalStateException("unexpected: " + SECRET);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }

    private static String sha256(String password) throws Exception {
        return "{sha-256}" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
