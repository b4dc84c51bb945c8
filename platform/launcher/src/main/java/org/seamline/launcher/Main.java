package org.seamline.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Entry point of the distribution: {@code java -Dseamline.home=... -jar bin/seamline-launcher.jar}.
 * Everything else runs as bundles; this class only prepares the environment and starts Felix.
 */
public final class Main {

    private static final long STOP_TIMEOUT_MS = 30_000;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("seamline.home", ".")).toAbsolutePath().normalize();
        Map<String, String> env = System.getenv();

        AdminPassword admin = AdminPassword.resolve(env.get("SEAMLINE_ADMIN_PASSWORD"), home.resolve("etc"));
        if (admin.generatedFile() != null) {
            System.out.println("Seamline: generated an admin password for user 'admin' in " + admin.generatedFile());
        }
        Files.createDirectories(home.resolve("deploy"));
        OwnerOnly.restrict(home.resolve("data"));
        OwnerOnly.restrict(home.resolve("logs"));

        boolean interactive = System.console() != null && Boolean.getBoolean("seamline.shell");
        Map<String, String> properties = FrameworkProperties.build(home, env, admin.sha256Hash());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi framework on the launcher's class path"));
        Framework framework = factory.newFramework(properties);
        framework.init();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "seamline-shutdown"));

        BundleContext context = framework.getBundleContext();
        Hashtable<String, Object> handOver = new Hashtable<>(Map.of("seamline.handover", "admin.password"));
        context.registerService(Supplier.class, admin.handOver(), handOver);
        SystemBundles.install(context, home.resolve("system"), interactive);
        framework.start();
        framework.adapt(FrameworkStartLevel.class).setStartLevel(FrameworkProperties.PLUGIN_START_LEVEL);

        FrameworkEvent stopped = framework.waitForStop(0);
        System.exit(stopped.getType() == FrameworkEvent.ERROR ? 1 : 0);
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (Exception e) {
            System.err.println("Seamline: framework did not stop cleanly: " + e);
        }
    }
}
