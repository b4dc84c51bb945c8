package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel route files in deploy/: the worked example feeds a shop's events into Seamline through {@code seamline:ingress},
 * stops with its file, and a broken file is refused, listed as FAILED and harms nothing else.
 */
class RouteFilesIT {

    /** FileInstall looks every 500 ms; a route file's context starts within a second after that. */
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Path EXAMPLES = Path.of("../../docs/examples");

    @TempDir
    static Path dir;
    static Path events;
    static SeamlineProcess seamline;

    @BeforeAll
    static void start() throws Exception {
        events = Files.createDirectories(dir.resolve("shop-events"));
        seamline = SeamlineProcess.start(dir, Map.of("SHOP_EVENTS_DIR", events.toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        seamline.close();
    }

    /** Written beside the target and renamed, as FileInstall and the file component should only see whole files. */
    private static void place(Path target, String content) throws Exception {
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        Files.writeString(part, content);
        Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonNode plugin(String id) {
        var response = seamline.asAdmin("GET", "/api/v1/plugins/" + id, null);
        return response.statusCode() == 200 ? seamline.readJson(response.body()) : null;
    }

    /** The route file's state in the plugin list, ABSENT when it is not listed. */
    private static String state(String id) {
        JsonNode plugin = plugin(id);
        return plugin == null ? "ABSENT" : plugin.get("state").asText();
    }

    private static String threads() {
        return seamline.get("/system/console/status-Threads.txt", true).body();
    }

    @Test
    void theOrderStatusExampleFeedsEventsIntoSeamlineAndRemovingItStopsItWithNoThreadLeft() throws Exception {
        Path route = seamline.home.resolve("deploy/order-status.camel.yaml");
        place(route, Files.readString(EXAMPLES.resolve("order-status.camel.yaml")));
        await().atMost(WITHIN).until(() -> state("order-status.camel.yaml").equals("ACTIVE"));

        place(events.resolve("batch-1.csv"), """
                evt-1;lena@example.com;Lena Fischer;1001;shipped
                evt-2;lena@example.com;Lena Fischer;1002;delayed
                evt-1;lena@example.com;Lena Fischer;1001;shipped
                """);

        await().atMost(WITHIN).until(() -> Files.exists(events.resolve(".done/batch-1.csv")));
        // The inbox processor makes the customer from the stored message a moment later.
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/customers?identifier=email:lena@example.com")
                .get("items").size() == 1);
        JsonNode interactions = seamline.getJson("/api/v1/interactions?channel=api&limit=10");
        assertEquals(2, interactions.get("items").size(), "evt-1 twice is one message: " + interactions);
        assertTrue(interactions.toString().contains("Order 1002: delayed"), interactions::toString);
        assertTrue(threads().contains("Camel (order-status) thread"), "the route's poller runs under its name");

        Files.delete(route);
        await().atMost(WITHIN).until(() -> seamline.log().contains("CamelContext order-status stopped"));
        await().atMost(WITHIN).until(() -> !threads().contains("Camel (order-status)"));
        assertEquals(404, seamline.asAdmin("GET", "/api/v1/plugins/order-status.camel.yaml", null).statusCode());

        Path late = events.resolve("batch-2.csv");
        place(late, "evt-3;lena@example.com;Lena Fischer;1003;shipped\n");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> Files.exists(late));
        assertEquals(2, seamline.getJson("/api/v1/interactions?channel=api&limit=10").get("items").size());
    }

    @Test
    void aBrokenRouteFileIsListedAsFailedWithItsReasonHarmsNothingAndRunsOnceFixed() throws Exception {
        Path broken = seamline.home.resolve("deploy/broken.camel.yaml");
        Path badYaml = seamline.home.resolve("deploy/bad-yaml.camel.yaml");
        place(broken, """
                - route:
                    from:
                      uri: timer:tick?period=50
                      steps:
                        - to: nosuch:thing
                """);
        place(badYaml, "- route: [from: timer:x");

        await().atMost(WITHIN).until(() -> state("broken.camel.yaml").equals("FAILED") && state("bad-yaml.camel.yaml").equals("FAILED"));
        JsonNode refused = plugin("broken.camel.yaml");
        assertEquals("FAILED", refused.get("state").asText());
        assertEquals("route", refused.get("kind").asText());
        assertTrue(refused.at("/instances/0/detail").asText().contains("nosuch://thing"), refused::toString);
        assertTrue(plugin("bad-yaml.camel.yaml").at("/instances/0/detail").asText().contains("line 1"));
        assertTrue(seamline.log().contains("Route file broken.camel.yaml refused"));
        assertFalse(threads().contains("Camel (broken)"), "a refused file leaves nothing running");

        assertEquals(200, seamline.get("/health", false).statusCode());
        JsonNode plugins = seamline.getJson("/api/v1/plugins");
        assertTrue(plugins.toString().contains("\"kind\":\"channel\""), "the channel plugins are still listed");

        place(broken, """
                - route:
                    from:
                      uri: timer:tick?period=60000
                      steps:
                        - to: log:tick
                """);
        await().atMost(WITHIN).until(() -> state("broken.camel.yaml").equals("ACTIVE"));
        Files.delete(broken);
        Files.delete(badYaml);
        await().atMost(WITHIN).until(() -> state("broken.camel.yaml").equals("ABSENT") && state("bad-yaml.camel.yaml").equals("ABSENT"));
    }

    @Test
    void everyComponentShippedForRoutesStartsInTheDistribution() throws Exception {
        Path route = seamline.home.resolve("deploy/components.camel.yaml");
        place(route, """
                - beans:
                    - name: scratch
                      type: org.h2.jdbcx.JdbcDataSource
                      properties:
                        url: "jdbc:h2:mem:scratch"
                - route:
                    from:
                      uri: "file:%s?delay=60000"
                      steps:
                        - to: "http://127.0.0.1:9/never"
                        - to: "sql:select 1?dataSource=#scratch"
                        - to: "jdbc:scratch"
                        - to: "kafka:never?brokers=127.0.0.1:9"
                """.formatted(dir.resolve("components-in")));

        await().atMost(WITHIN).until(() -> !state("components.camel.yaml").equals("ABSENT"));
        assertEquals("ACTIVE", state("components.camel.yaml"), () -> plugin("components.camel.yaml").toString());
        Files.delete(route);
        await().atMost(WITHIN).until(() -> state("components.camel.yaml").equals("ABSENT"));
    }
}
