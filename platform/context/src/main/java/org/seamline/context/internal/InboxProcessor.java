package org.seamline.context.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
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

/**
 * Runs {@link PendingMessages} (inbound) and the {@link Dispatcher} (outbound) from Camel timer routes, so new
 * messages are resolved, and replies sent, within a fraction of a second.
 */
@Component(service = HealthContributor.class, immediate = true, configurationPid = ContextComponents.PID)
public class InboxProcessor implements HealthContributor {

    private static final long PERIOD_MS = 200;

    private final PendingMessages pending;
    private final PluginCamelContext camel;

    @Activate
    public InboxProcessor(BundleContext bundleContext, @Reference Database database, @Reference InboxStore inbox,
                          @Reference ChannelAdapters adapters, @Reference EventPublisher events, ContextConfiguration config) {
        Dispatcher dispatcher = new Dispatcher(database, adapters, events);
        this.pending = new PendingMessages(database, inbox, new IdentityResolver(
                new IdentifierNormalizer(config.defaultRegion()), new CustomerStore(), config.maxIdentifiersPerCustomer(),
                channels(config.autoMergeChannels())), continuity(config.continuity()),
                Duration.ofHours(Math.max(0, config.reopenWindowHours())), events,
                new IdentityCache(Math.max(0, config.identityCacheSize())));
        this.camel = PluginCamelContext.start(bundleContext, "inbox-processor", new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:inbox-processor?period=" + PERIOD_MS).routeId("inbox-processor")
                        .process(exchange -> pending.processPending());
                from("timer:outbox-dispatcher?period=" + PERIOD_MS).routeId("outbox-dispatcher")
                        .process(exchange -> dispatcher.dispatchDue());
            }
        });
    }

    /** A .cfg file gives {@code api,sms} as one string; the web console gives an array: accept both. */
    static Set<String> channels(String[] configured) {
        return Arrays.stream(configured).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(channel -> !channel.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    static ConversationStore.Continuity continuity(String configured) {
        try {
            return ConversationStore.Continuity.valueOf(configured.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("continuity must be customer, channel or thread, not '" + configured + "'");
        }
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
