package org.seamline.context.internal;

import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.health.Health;
import org.seamline.api.health.HealthContributor;
import org.seamline.camel.PluginCamelContext;
import org.seamline.store.Database;
import org.seamline.store.InboxStore;

/** Runs {@link PendingMessages} from a Camel timer route, so new inbox messages are resolved within a fraction of a second. */
@Component(service = HealthContributor.class, immediate = true, configurationPid = ContextComponents.PID)
public class InboxProcessor implements HealthContributor {

    private static final long PERIOD_MS = 200;

    private final PendingMessages pending;
    private final PluginCamelContext camel;

    @Activate
    public InboxProcessor(BundleContext bundleContext, @Reference Database database, @Reference InboxStore inbox,
                          ContextConfiguration config) {
        this.pending = new PendingMessages(database, inbox, new IdentityResolver(
                new IdentifierNormalizer(config.defaultRegion()), new CustomerStore(), config.maxIdentifiersPerCustomer(),
                Set.of(config.autoMergeChannels())));
        this.camel = PluginCamelContext.start(bundleContext, "inbox-processor", new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:inbox-processor?period=" + PERIOD_MS).routeId("inbox-processor")
                        .process(exchange -> pending.processPending());
            }
        });
    }

    @Deactivate
    void stop() {
        camel.close();
    }

    @Override
    public String name() {
        return "inbox-processor";
    }

    @Override
    public Health health() {
        return pending.health();
    }
}
