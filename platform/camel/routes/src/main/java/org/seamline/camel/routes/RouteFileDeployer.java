package org.seamline.camel.routes;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.seamline.core.plugins.PluginInfo;
import org.seamline.core.plugins.PluginSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route files in deploy/, handed over by FileInstall (which already watches the folder for plugin jars): a new file
 * starts as its own CamelContext, a changed one is stopped and started again, a removed one is stopped. A file that
 * cannot run is refused, logged once with the reason, and listed as FAILED among the plugins; nothing else is
 * touched. Stopping this component stops every route file's context.
 */
@Component(service = {ArtifactInstaller.class, PluginSource.class})
public class RouteFileDeployer implements ArtifactInstaller, PluginSource {

    static final String KIND = "route";
    private static final Logger LOG = LoggerFactory.getLogger(RouteFileDeployer.class);

    private final BundleContext context;
    private final Path deploy;
    /** Guarded by this: FileInstall's thread changes it, the plugin list reads it. */
    private final Map<Path, Deployment> deployed = new HashMap<>();
    /** Guarded by this. */
    private boolean stopped;

    private record Deployment(PluginInfo info, RouteContext context) {
    }

    @Activate
    public RouteFileDeployer(BundleContext context) {
        this.context = context;
        this.deploy = Path.of(context.getProperty("seamline.home"), "deploy").toAbsolutePath().normalize();
    }

    @Override
    public boolean canHandle(File artifact) {
        Path path = artifact.toPath().toAbsolutePath().normalize();
        return deploy.equals(path.getParent()) && RouteFile.of(path).isPresent();
    }

    @Override
    public void install(File artifact) {
        RouteFile file = RouteFile.of(artifact.toPath().toAbsolutePath().normalize()).orElseThrow();
        Deployment deployment = start(file);
        Deployment replaced;
        synchronized (this) {
            if (stopped) {
                replaced = deployment; // the component stopped while this file started: never leave it running
            } else {
                replaced = deployed.put(file.path(), deployment); // FileInstall said install twice: stop the first
            }
        }
        if (replaced != null && replaced.context() != null) {
            replaced.context().close();
        }
    }

    /** The old context stops before the new one starts (two would poll the same source); the list shows STARTING meanwhile. */
    @Override
    public void update(File artifact) {
        Path path = artifact.toPath().toAbsolutePath().normalize();
        Deployment old;
        synchronized (this) {
            old = deployed.get(path);
            if (old != null) {
                PluginInfo info = old.info();
                deployed.put(path, new Deployment(new PluginInfo(info.id(), info.name(), KIND, info.version(), "STARTING",
                        info.health(), info.instances()), null));
            }
        }
        if (old != null && old.context() != null) {
            old.context().close();
        }
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        Deployment gone;
        synchronized (this) {
            gone = deployed.remove(artifact.toPath().toAbsolutePath().normalize());
        }
        if (gone != null && gone.context() != null) {
            gone.context().close();
            LOG.info("Route file {} stopped", gone.info().id());
        }
    }

    private Deployment start(RouteFile file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file.path());
        } catch (IOException e) {
            return failed(file, "n/a", "the file cannot be read: " + e.getMessage());
        }
        String version = version(content);
        try {
            RouteContext routes = RouteContext.start(() -> new OsgiDefaultCamelContext(context), file, content);
            LOG.info("Route file {} started as CamelContext {} with {} routes", file.id(), file.name(), routes.routes());
            return new Deployment(info(file, version, "ACTIVE", "UP", null), routes);
        } catch (RouteFileException e) {
            return failed(file, version, e.getMessage());
        }
    }

    private static Deployment failed(RouteFile file, String version, String reason) {
        LOG.error("Route file {} refused: {}", file.id(), reason);
        return new Deployment(info(file, version, "FAILED", "DOWN", reason), null);
    }

    private static PluginInfo info(RouteFile file, String version, String state, String health, String detail) {
        return new PluginInfo(file.id(), file.name(), KIND, version, state, health,
                List.of(new PluginInfo.Instance(file.name(), health, detail)));
    }

    /** The file's content hash, so the list shows which version of a file runs. */
    private static String version(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    @Override
    public synchronized List<PluginInfo> plugins() {
        List<PluginInfo> plugins = new ArrayList<>();
        deployed.values().forEach(d -> plugins.add(d.info()));
        plugins.sort(Comparator.comparing(PluginInfo::id));
        return plugins;
    }

    @Deactivate
    void stop() {
        List<Deployment> all;
        synchronized (this) {
            stopped = true;
            all = new ArrayList<>(deployed.values());
            deployed.clear();
        }
        all.stream().filter(d -> d.context() != null).forEach(d -> d.context().close());
    }
}
