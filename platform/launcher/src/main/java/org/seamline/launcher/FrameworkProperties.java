package org.seamline.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the environment and the installation layout to Felix framework properties. Public so that the in-container
 * tests boot the framework with exactly the distribution's settings.
 */
public final class FrameworkProperties {

    static final String DEFAULT_HTTP_PORT = "8080";
    static final String DEFAULT_BIND = "127.0.0.1";
    /**
     * A connection whose request (headers or body) stops arriving is closed after this long; a body that does arrive
     * must keep a minimum rate besides (seamline-core's SlowBodyFilter).
     */
    static final String IDLE_TIMEOUT_MS = "15000";
    /** Server threads; SlowBodyFilter keeps 100 of them out of reach of requests still sending their bodies. */
    static final String MAX_THREADS = "300";
    /** Plugins from deploy/ start after the platform's own bundles (levels 1-4). */
    public static final int PLUGIN_START_LEVEL = 5;

    private FrameworkProperties() {
    }

    public static Map<String, String> build(Path home, Map<String, String> env, String adminPasswordHash) {
        Map<String, String> p = new HashMap<>();
        p.put("seamline.home", home.toString());
        p.put("org.osgi.framework.storage", home.resolve("data/cache").toString());
        // Bundles are reinstalled from system/ and deploy/ on every start, so a removed plugin never lingers in the cache.
        p.put("org.osgi.framework.storage.clean", "onFirstInit");
        p.put("org.osgi.framework.startlevel.beginning", Integer.toString(PLUGIN_START_LEVEL));
        p.put("felix.startlevel.bundle", Integer.toString(PLUGIN_START_LEVEL));

        p.put("org.osgi.service.http.port", valueOr(env, "SEAMLINE_HTTP_PORT", DEFAULT_HTTP_PORT));
        p.put("org.apache.felix.http.host", valueOr(env, "SEAMLINE_BIND", DEFAULT_BIND));
        p.put("org.apache.felix.http.enable", "true");
        p.put("org.apache.felix.https.enable", "false");
        p.put("org.apache.felix.http.timeout", IDLE_TIMEOUT_MS);
        p.put("org.apache.felix.http.jetty.threadpool.max", MAX_THREADS);
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");

        p.put("felix.fileinstall.dir", home.resolve("deploy") + "," + home.resolve("etc"));
        // Route files (*.camel.yaml, *.camel.xml) go to the route deployer's ArtifactInstaller.
        p.put("felix.fileinstall.filter", ".*\\.(jar|cfg|config)|.*\\.camel\\.(yaml|xml)");
        p.put("felix.fileinstall.poll", "500");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.start.level", Integer.toString(PLUGIN_START_LEVEL));
        p.put("felix.fileinstall.log.level", "3");
        p.put("felix.fileinstall.enableConfigSave", "true");

        // ConfigAdmin holds configurations back until the interpolation plugin runs, so $[env:...] never leaks through raw.
        p.put("felix.cm.config.plugins", "org.apache.felix.configadmin.plugin.interpolation");
        p.put("org.apache.felix.configadmin.plugin.interpolation.secretsdir", home.resolve("etc/secrets").toString());

        p.put("felix.webconsole.username", "admin");
        p.put("felix.webconsole.password", adminPasswordHash);
        p.put("felix.webconsole.realm", "Seamline");
        p.put("seamline.admin.password.hash", adminPasswordHash);
        // SEAMLINE_RESET_ADMIN=true: the start's admin password replaces the stored one (a forgotten password).
        p.put("seamline.admin.reset", Boolean.toString("true".equalsIgnoreCase(valueOr(env, "SEAMLINE_RESET_ADMIN", "false"))));

        // Leaving the shell (Ctrl-D) must not stop the platform; bin/seamline stop or Ctrl-C does.
        p.put("gosh.args", "--noshutdown");
        p.put("felix.log.level", "1");
        return p;
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
