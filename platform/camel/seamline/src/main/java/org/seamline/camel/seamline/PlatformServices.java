package org.seamline.camel.seamline;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Where the producers and the consumer find the platform's services. Inside the platform they are OSGi services,
 * tracked from this bundle while the component runs: each exchange uses the service registered now (a platform
 * bundle that restarts is followed, not held on to), and stopping the route's CamelContext closes the trackers.
 * Outside OSGi (unit tests, Camel embedded elsewhere) they are the beans bound in the CamelContext's registry.
 */
abstract class PlatformServices implements AutoCloseable {

    static PlatformServices open(CamelContext camel) {
        Bundle bundle = FrameworkUtil.getBundle(PlatformServices.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        return context == null ? new Registry(camel) : new Tracked(context);
    }

    /** The service, or an exception that says which one is missing (the platform is starting or stopping). */
    <T> T get(Class<T> type) {
        Object service = lookup(type);
        if (service == null) {
            throw new IllegalStateException("the platform service " + type.getSimpleName()
                    + " is not available (is Seamline starting or stopping?)");
        }
        return type.cast(service);
    }

    abstract Object lookup(Class<?> type);

    @Override
    public abstract void close();

    private static final class Registry extends PlatformServices {

        private final CamelContext camel;

        Registry(CamelContext camel) {
            this.camel = camel;
        }

        @Override
        Object lookup(Class<?> type) {
            return camel.getRegistry().findSingleByType(type);
        }

        @Override
        public void close() {
        }
    }

    private static final class Tracked extends PlatformServices {

        private final BundleContext context;
        /** Guarded by this; null once closed, so an exchange racing the stop cannot open a tracker nobody closes. */
        private Map<Class<?>, ServiceTracker<?, ?>> trackers = new HashMap<>();

        Tracked(BundleContext context) {
            this.context = context;
        }

        @Override
        synchronized Object lookup(Class<?> type) {
            if (trackers == null) {
                return null;
            }
            return trackers.computeIfAbsent(type, t -> {
                ServiceTracker<?, ?> tracker = new ServiceTracker<>(context, t.getName(), null);
                tracker.open();
                return tracker;
            }).getService();
        }

        @Override
        public synchronized void close() {
            if (trackers != null) {
                trackers.values().forEach(ServiceTracker::close);
                trackers = null;
            }
        }
    }
}
