package org.seamline.core.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.health.Health;

/** Lists bundles that carry the {@code Seamline-Plugin} header, with the instances (services) each registered. */
@Component(service = PluginRegistry.class)
public class BundlePluginRegistry implements PluginRegistry {

    private final BundleContext context;

    @Activate
    public BundlePluginRegistry(BundleContext context) {
        this.context = context;
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
