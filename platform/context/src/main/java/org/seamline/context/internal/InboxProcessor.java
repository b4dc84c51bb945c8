package org.seamline.context.internal;

import java.time.Clock;
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
 * messages are resolved, and replies sent, within a fraction of a second, and the {@link FeedRetention} hourly; on
 * the node holding the {@link WorkerLease} only, when several nodes share the database.
 */
@Component(service = HealthContributor.class, immediate = true, configurationPid = ContextComponents.PID)
public class InboxProcessor implements HealthContributor {

    private static final long PERIOD_MS = 200;
    private static final long RETENTION_PERIOD_MS = Duration.ofHours(1).toMillis();

    private final PendingMessages pending;
    private final Dispatcher dispatcher;
    private final WorkerLease lease;
    private final PluginCamelContext camel;

    @Activate
    public InboxProcessor(BundleContext bundleContext, @Reference Database database, @Reference InboxStore inbox,
                          @Reference ChannelAdapters adapters, @Reference EventPublisher events, ContextConfiguration config) {
        this.dispatcher = new Dispatcher(database, adapters, events,
                Duration.ofMillis(Math.max(10, config.outboxFirstRetryMillis())));
        this.pending = new PendingMessages(database, inbox, new IdentityResolver(
                new IdentifierNormalizer(config.defaultRegion()), new CustomerStore(), config.maxIdentifiersPerCustomer(),
                channels(config.autoMergeChannels())), continuity(config.continuity()),
                Duration.ofHours(Math.max(0, config.reopenWindowHours())), events,
                new IdentityCache(Math.max(0, config.identityCacheSize())));
        FeedRetention retention = new FeedRetention(database, Duration.ofDays(config.changeFeedRetentionDays()),
                Clock.systemUTC());
        this.lease = new WorkerLease(database, nodeName(bundleContext.getProperty("seamline.home")),
                Duration.ofSeconds(Math.max(2, config.workerLeaseSeconds())));
        this.camel = PluginCamelContext.start(bundleContext, "inbox-processor", new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:inbox-processor?period=" + PERIOD_MS).routeId("inbox-processor")
                        .process(exchange -> {
                            if (lease.hold()) {
                                pending.processPending();
                            }
                        });
                from("timer:outbox-dispatcher?period=" + PERIOD_MS).routeId("outbox-dispatcher")
                        .process(exchange -> {
                            if (lease.hold()) {
                                dispatcher.dispatchDue();
                            }
                        });
                from("timer:change-feed-retention?delay=60000&period=" + RETENTION_PERIOD_MS).routeId("change-feed-retention")
                        .process(exchange -> {
                            if (lease.hold()) {
                                retention.prune();
                            }
                        });
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

    /**
     * This node in logs and in the lease table: the host and the installation's folder. It stays the same across
     * restarts, so a node restarted after a crash takes its own lease back at once instead of waiting it out.
     */
    static String nodeName(String home) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        String node = host + ":" + (home == null ? "." : home);
        return node.length() <= 200 ? node : node.substring(node.length() - 200);
    }

    @Deactivate
    void stop() {
        pending.stop(); // first: the run in progress ends after its batch, so closing Camel need not wait for the backlog
        camel.close();
        dispatcher.stop();
        lease.release();
    }

    @Override
    public String name() {
        return "inbox-processor";
    }

    /**
     * Processing's own health on the node holding the lease, DOWN when it is stopped or paused; a standby is healthy,
     * waiting.
     */
    @Override
    public Health health() {
        if (!camel.isStarted()) {
            return Health.down("stopped: no message is processed on this node");
        }
        if (!lease.asked()) {
            return new Health(Health.State.UP, "starting");
        }
        return lease.held() ? pending.health()
                : new Health(Health.State.UP, "standby: another node holds the worker lease (" + lease.node() + " waits)");
    }
}
