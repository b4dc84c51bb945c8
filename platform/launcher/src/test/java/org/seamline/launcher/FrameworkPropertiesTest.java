package org.seamline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameworkPropertiesTest {

    private static final Path HOME = Path.of("/opt/seamline");

    @Test
    void listensOnLoopbackPort8080ByDefault() {
        Map<String, String> p = FrameworkProperties.build(HOME, Map.of(), "{sha-256}x");

        assertEquals("8080", p.get("org.osgi.service.http.port"));
        assertEquals("127.0.0.1", p.get("org.apache.felix.http.host"));
        assertEquals("false", p.get("org.apache.felix.https.enable"));
    }

    @Test
    void theEnvironmentChoosesPortAndBindAddress() {
        Map<String, String> p = FrameworkProperties.build(HOME, Map.of("SEAMLINE_HTTP_PORT", " 9090 ", "SEAMLINE_BIND", "0.0.0.0"), "{sha-256}x");

        assertEquals("9090", p.get("org.osgi.service.http.port"));
        assertEquals("0.0.0.0", p.get("org.apache.felix.http.host"));
    }

    @Test
    void watchesDeployAndEtcAndHandsOnlyTheHashToTheConsole() {
        Map<String, String> p = FrameworkProperties.build(HOME, Map.of(), "{sha-256}abc");

        assertEquals("/opt/seamline/deploy,/opt/seamline/etc", p.get("felix.fileinstall.dir"));
        assertEquals("{sha-256}abc", p.get("felix.webconsole.password"));
        assertEquals("org.apache.felix.configadmin.plugin.interpolation", p.get("felix.cm.config.plugins"));
        assertFalse(p.values().stream().anyMatch(v -> v.equals("{sha-256}" + "jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=")),
                "not WebConsole's default admin/admin hash");
    }

    @Test
    void closesConnectionsWhoseRequestStopsArriving() {
        Map<String, String> p = FrameworkProperties.build(HOME, Map.of(), "{sha-256}x");

        assertEquals(FrameworkProperties.IDLE_TIMEOUT_MS, p.get("org.apache.felix.http.timeout"));
        assertEquals(FrameworkProperties.MAX_THREADS, p.get("org.apache.felix.http.jetty.threadpool.max"));
        assertEquals("false", p.get("org.apache.felix.http.jetty.sendServerHeader"));
    }

    @Test
    void resetsTheStoredAdminPasswordOnlyWhenAskedTo() {
        assertEquals("false", FrameworkProperties.build(HOME, Map.of(), "{sha-256}x").get("seamline.admin.reset"));
        assertEquals("false", FrameworkProperties.build(HOME, Map.of("SEAMLINE_RESET_ADMIN", "yes"), "{sha-256}x")
                .get("seamline.admin.reset"));
        assertEquals("true", FrameworkProperties.build(HOME, Map.of("SEAMLINE_RESET_ADMIN", "TRUE"), "{sha-256}x")
                .get("seamline.admin.reset"));
    }
}
