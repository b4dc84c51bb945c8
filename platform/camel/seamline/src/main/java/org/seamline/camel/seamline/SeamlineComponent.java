package org.seamline.camel.seamline;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code seamline:ingress}, {@code seamline:customer}, {@code seamline:reply} (producers) and {@code seamline:changes}
 * (consumer). Found by camel-core-osgi through {@code META-INF/services/org/apache/camel/component/seamline}, so
 * every CamelContext gets its own instance; the platform services come from {@link PlatformServices}.
 */
public class SeamlineComponent extends DefaultComponent {

    private PlatformServices services;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Operation operation = Operation.of(remaining);
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(operation.options());
        if (operation == Operation.CHANGES) {
            unknown.removeIf(SeamlineComponent::isSchedulerOption);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("seamline:" + remaining + " does not take " + String.join(", ", unknown));
        }
        SeamlineEndpoint endpoint = new SeamlineEndpoint(uri, this, operation);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /** The polling options Camel's scheduled consumers take ({@code delay}, {@code initialDelay}, …). */
    private static boolean isSchedulerOption(String name) {
        return name.equals("delay") || name.equals("initialDelay") || name.equals("backoffMultiplier")
                || name.equals("backoffErrorThreshold") || name.equals("backoffIdleThreshold");
    }

    /** The platform services, opened when the component starts and released when its CamelContext stops. */
    PlatformServices services() {
        return services;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        services = PlatformServices.open(getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        if (services != null) {
            services.close();
            services = null;
        }
        super.doStop();
    }
}
