package org.seamline.camel;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CamelContext owned by one plugin component. Create it in the component's {@code @Activate}, {@link #close()}
 * it in {@code @Deactivate}: closing stops the routes, their consumers and thread pools, so an undeployed plugin
 * leaves no thread behind.
 *
 * <p>A route may need a Camel component that lives in another bundle which starts later (bundles in
 * {@code deploy/} start in any order). Such a start is retried with backoff instead of failing the plugin.
 */
@ProviderType
public final class PluginCamelContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCamelContext.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final CamelContext camel;
    private final ScheduledExecutorService retries;
    private volatile ProducerTemplate producer;
    private volatile boolean closed;

    private PluginCamelContext(BundleContext bundleContext, String name) {
        this.camel = new OsgiDefaultCamelContext(bundleContext);
        this.camel.getCamelContextExtension().setName(name);
        // Without this the threads carry the generated name (camel-2), taken before ours was set, and a thread dump
        // cannot show that an undeployed plugin left none behind.
        this.camel.getExecutorServiceManager().setThreadNamePattern("Camel (" + name + ") thread ##counter# - #name#");
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "camel-start-" + name));
    }

    /**
     * Builds the context, adds the routes and starts it (now, or by retries while a component is missing).
     *
     * @param name unique per plugin instance, e.g. {@code channel-api-shop}; shown in logs and JMX
     */
    public static PluginCamelContext start(BundleContext bundleContext, String name, RoutesBuilder routes) {
        PluginCamelContext context = new PluginCamelContext(bundleContext, name);
        context.tryStart(routes, FIRST_RETRY);
        return context;
    }

    private void tryStart(RoutesBuilder routes, Duration nextDelay) {
        if (closed) {
            return;
        }
        try {
            if (camel.getRoutes().isEmpty()) {
                camel.addRoutes(routes);
            }
            camel.start();
            LOG.info("CamelContext {} started with {} routes", camel.getName(), camel.getRoutes().size());
        } catch (Exception e) {
            if (!isMissingComponent(e)) {
                throw new IllegalStateException("CamelContext " + camel.getName() + " failed to start", e);
            }
            LOG.info("CamelContext {} waits for a Camel component ({}); retrying in {} ms",
                    camel.getName(), rootMessage(e), nextDelay.toMillis());
            Duration after = nextDelay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextDelay.multipliedBy(2);
            retries.schedule(() -> tryStart(routes, after), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static boolean isMissingComponent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResolveEndpointFailedException || t instanceof NoSuchEndpointException) {
                return true;
            }
            if (!(t instanceof FailedToCreateRouteException || t instanceof FailedToStartRouteException
                    || t.getClass().getName().startsWith("org.apache.camel"))) {
                return false;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public CamelContext camel() {
        return camel;
    }

    public boolean isStarted() {
        return camel.isStarted();
    }

    /** A producer template bound to this context, created on first use and closed with it. */
    public ProducerTemplate producer() {
        ProducerTemplate template = producer;
        if (template == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = camel.createProducerTemplate();
                }
                template = producer;
            }
        }
        return template;
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        try {
            ProducerTemplate template = producer;
            if (template != null) {
                template.close();
            }
        } catch (Exception e) {
            LOG.warn("Closing the producer of {} failed", camel.getName(), e);
        }
        try {
            camel.close();
            LOG.info("CamelContext {} stopped", camel.getName());
        } catch (Exception e) {
            LOG.warn("CamelContext {} did not stop cleanly", camel.getName(), e);
        }
    }
}
