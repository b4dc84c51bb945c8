package org.seamline.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.health.Health;

/**
 * Lists bundles that carry the {@code Seamline-Plugin} header, with the instances (services) each registered, and
 * deploys them through deploy/: an uploaded jar is put there and FileInstall installs it, exactly as at start-up, so
 * a plugin is never installed twice and an uploaded one survives a restart. {@link PluginSource}s add what is not a
 * bundle (route files) to the list.
 */
@Component(service = PluginRegistry.class)
public class BundlePluginRegistry implements PluginRegistry {

    /** How long a deployment or removal may take to be picked up; FileInstall looks every 500 ms. */
    static final Duration PICKUP = Duration.ofSeconds(15);

    private final BundleContext context;
    private final DeployFolder folder;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<PluginSource> sources = List.of();

    @Activate
    public BundlePluginRegistry(BundleContext context) {
        this.context = context;
        this.folder = new DeployFolder(Path.of(context.getProperty("seamline.home"), "deploy"));
    }

    @Override
    public Optional<PluginInfo> plugin(String id) {
        return bundle(id).map(bundle -> describe(bundle, bundle.getHeaders().get(HEADER).strip()))
                .or(() -> fromSources().stream().filter(p -> p.id().equals(id)).findFirst());
    }

    private List<PluginInfo> fromSources() {
        List<PluginInfo> plugins = new ArrayList<>();
        for (PluginSource source : sources) {
            plugins.addAll(source.plugins());
        }
        return plugins;
    }

    @Override
    public PluginInfo deploy(Path jar) throws IOException, PluginException {
        PluginJar plugin = PluginJar.read(jar);
        Path target = bundle(plugin.id()).flatMap(b -> folder.fileOf(b.getLocation())).orElse(folder.fileFor(plugin.id()));
        Optional<Bundle> deployed = until(() -> bundle(plugin.id())
                .filter(b -> b.getVersion().equals(plugin.version()) && b.getState() == Bundle.ACTIVE),
                () -> folder.place(jar, target));
        Optional<Bundle> installed = deployed.or(() -> bundle(plugin.id()).filter(b -> b.getVersion().equals(plugin.version())));
        if (installed.isEmpty()) {
            throw new PluginException(PluginException.Kind.PENDING, "the plugin " + plugin.id()
                    + " is in deploy/ but was not installed within " + PICKUP.toSeconds() + " s; see the log");
        }
        return describe(installed.get(), plugin.kind());
    }

    @Override
    public Optional<PluginInfo> start(String id) throws PluginException {
        return change(id, Bundle::start);
    }

    @Override
    public Optional<PluginInfo> stop(String id) throws PluginException {
        return change(id, Bundle::stop);
    }

    @Override
    public boolean remove(String id) throws IOException, PluginException {
        Optional<Bundle> bundle = bundle(id);
        if (bundle.isEmpty()) {
            return false;
        }
        Optional<Path> file = folder.fileOf(bundle.get().getLocation());
        if (file.isPresent()) {
            // FileInstall uninstalls what leaves deploy/; uninstalling behind its back would bring it back at its next look.
            Optional<Bundle> left = until(() -> bundle(id).isEmpty() ? Optional.of(bundle.get()) : Optional.empty(),
                    () -> Files.deleteIfExists(file.get()));
            if (left.isEmpty()) {
                throw new PluginException(PluginException.Kind.PENDING, "the jar of " + id + " is gone from deploy/ but the plugin"
                        + " was not uninstalled within " + PICKUP.toSeconds() + " s; see the log");
            }
        } else {
            change(id, Bundle::uninstall);
        }
        return true;
    }

    private interface BundleChange {
        void apply(Bundle bundle) throws BundleException;
    }

    private Optional<PluginInfo> change(String id, BundleChange change) throws PluginException {
        Optional<Bundle> bundle = bundle(id);
        if (bundle.isPresent()) {
            try {
                change.apply(bundle.get());
            } catch (BundleException | IllegalStateException e) {
                throw new PluginException(PluginException.Kind.FAILED, "the framework refused: " + e.getMessage());
            }
        }
        return bundle.filter(b -> b.getState() != Bundle.UNINSTALLED).map(b -> describe(b, b.getHeaders().get(HEADER).strip()));
    }

    private interface Action {
        void run() throws IOException;
    }

    /** Runs the action, then waits (woken by bundle events, not by polling) until the condition holds or time is up. */
    private <T> Optional<T> until(Supplier<Optional<T>> condition, Action action) throws IOException {
        Object changed = new Object();
        BundleListener listener = event -> {
            synchronized (changed) {
                changed.notifyAll();
            }
        };
        context.addBundleListener(listener);
        try {
            action.run();
            long deadline = System.nanoTime() + PICKUP.toNanos();
            synchronized (changed) {
                for (Optional<T> met = condition.get(); ; met = condition.get()) {
                    long left = deadline - System.nanoTime();
                    if (met.isPresent() || left <= 0) {
                        return met;
                    }
                    changed.wait(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            context.removeBundleListener(listener);
        }
    }

    private Optional<Bundle> bundle(String id) {
        for (Bundle bundle : context.getBundles()) {
            if (id.equals(bundle.getSymbolicName()) && bundle.getHeaders().get(HEADER) != null) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> plugins = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String kind = bundle.getHeaders().get(HEADER);
            if (kind != null) {
                plugins.add(describe(bundle, kind.strip()));
            }
        }
        plugins.addAll(fromSources());
        plugins.sort(Comparator.comparing(PluginInfo::id));
        return plugins;
    }

    private PluginInfo describe(Bundle bundle, String kind) {
        List<PluginInfo.Instance> instances = new ArrayList<>();
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        if (services != null) {
            for (ServiceReference<?> reference : services) {
                Object instance = reference.getProperty(ChannelAdapter.INSTANCE);
                if (instance != null && isPluginService(reference)) {
                    Health health = health(reference);
                    instances.add(new PluginInfo.Instance(instance.toString(), health.state().name(), health.detail()));
                }
            }
        }
        instances.sort(Comparator.comparing(PluginInfo.Instance::name));
        String name = bundle.getHeaders().get("Bundle-Name");
        return new PluginInfo(bundle.getSymbolicName(), name, kind, bundle.getVersion().toString(), state(bundle),
                overall(instances), instances);
    }

    private static boolean isPluginService(ServiceReference<?> reference) {
        for (String type : (String[]) reference.getProperty("objectClass")) {
            if (type.equals(ChannelAdapter.class.getName()) || type.equals(CrmConnector.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private Health health(ServiceReference<?> reference) {
        Object service = context.getService(reference);
        try {
            if (service instanceof ChannelAdapter channel) {
                return channel.health();
            }
            if (service instanceof CrmConnector crm) {
                return crm.health();
            }
            return Health.down("service is not available");
        } catch (RuntimeException e) {
            return Health.down("health check failed: " + e.getClass().getSimpleName());
        } finally {
            if (service != null) {
                context.ungetService(reference);
            }
        }
    }

    private static String overall(List<PluginInfo.Instance> instances) {
        if (instances.isEmpty()) {
            return "UNCONFIGURED";
        }
        if (instances.stream().allMatch(i -> i.health().equals("UP"))) {
            return "UP";
        }
        return instances.stream().anyMatch(i -> i.health().equals("UP")) ? "DEGRADED" : "DOWN";
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }
}
