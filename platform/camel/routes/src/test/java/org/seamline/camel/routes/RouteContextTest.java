package org.seamline.camel.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class RouteContextTest {

    private final List<CamelContext> created = new CopyOnWriteArrayList<>();

    private RouteContext start(String fileName, String content) throws RouteFileException {
        RouteFile file = RouteFile.of(Path.of("/deploy", fileName)).orElseThrow();
        return RouteContext.start(() -> {
            CamelContext camel = new DefaultCamelContext();
            created.add(camel);
            return camel;
        }, file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean threadOf(String contextName) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("Camel (" + contextName + ") thread"));
    }

    @Test
    void aYamlFileRunsInAContextNamedAfterItAndClosingLeavesNoThread() throws Exception {
        RouteContext routes = start("orders.camel.yaml", """
                - route:
                    from:
                      uri: timer:tick?period=10
                      steps:
                        - to: log:tick?level=OFF
                """);

        assertEquals(1, routes.routes());
        assertEquals("orders", created.get(0).getName());
        await().atMost(Duration.ofSeconds(5)).until(() -> threadOf("orders"));

        routes.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !threadOf("orders"));
    }

    @Test
    void anXmlFileRunsToo() throws Exception {
        try (RouteContext routes = start("warehouse.camel.xml", """
                <routes xmlns="http://camel.apache.org/schema/spring">
                  <route><from uri="direct:in"/><to uri="log:out?level=OFF"/></route>
                </routes>
                """)) {
            assertEquals(1, routes.routes());
        }
    }

    @Test
    void badYamlIsRefusedWithWhereItBroke() {
        RouteFileException e = assertThrows(RouteFileException.class, () -> start("bad.camel.yaml", "- route: [from"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertTrue(created.get(0).isStopped());
    }

    @Test
    void anUnknownComponentIsRefusedAndNothingKeepsRunning() {
        RouteFileException e = assertThrows(RouteFileException.class, () -> start("mixed.camel.yaml", """
                - route:
                    from:
                      uri: timer:fine?period=10
                      steps:
                        - to: log:ok?level=OFF
                - route:
                    from:
                      uri: nosuch:thing
                      steps:
                        - to: log:x
                """));
        assertTrue(e.getMessage().contains("nosuch://thing"), e.getMessage());
        assertTrue(created.get(0).isStopped());
        await().atMost(Duration.ofSeconds(5)).until(() -> !threadOf("mixed"));
    }

    @Test
    void aBadOptionOfAKnownComponentIsRefused() {
        RouteFileException e = assertThrows(RouteFileException.class, () -> start("typo.camel.yaml", """
                - route:
                    from:
                      uri: timer:tick?perod=10
                      steps:
                        - to: log:x
                """));
        assertTrue(e.getMessage().contains("perod"), e.getMessage());
    }

    @Test
    void aMissingEnvironmentVariableIsNamedWithoutAnyValue() {
        RouteFileException e = assertThrows(RouteFileException.class, () -> start("secret.camel.yaml", """
                - route:
                    from:
                      uri: "timer:tick?period={{env:SEAMLINE_TEST_UNSET_VARIABLE}}"
                      steps:
                        - to: log:x
                """));
        assertTrue(e.getMessage().contains("SEAMLINE_TEST_UNSET_VARIABLE"), e.getMessage());
    }

    @Test
    void aFileWithoutRoutesIsRefused() {
        RouteFileException e = assertThrows(RouteFileException.class, () -> start("empty.camel.yaml", "[]"));
        assertTrue(e.getMessage().contains("defines no route"), e.getMessage());
    }

    @Test
    void onlyPlainlyNamedRouteFilesAreRouteFiles() {
        assertEquals("orders", RouteFile.of(Path.of("/d/orders.camel.yaml")).orElseThrow().name());
        assertEquals(RouteFile.Dsl.XML, RouteFile.of(Path.of("/d/dwh-sync.camel.xml")).orElseThrow().dsl());
        assertTrue(RouteFile.of(Path.of("/d/orders.yaml")).isEmpty());
        assertTrue(RouteFile.of(Path.of("/d/.orders.camel.yaml")).isEmpty());
        assertTrue(RouteFile.of(Path.of("/d/orders.camel.yaml.part")).isEmpty());
        assertTrue(RouteFile.of(Path.of("/d/my orders.camel.yaml")).isEmpty());
    }
}
