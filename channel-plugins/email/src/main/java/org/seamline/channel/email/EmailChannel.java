package org.seamline.channel.email;

import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.api.channel.Capability;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.health.Health;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.DeliveryReports;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.plugin.PluginInstances;
import org.seamline.camel.PluginCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox per factory configuration {@code etc/org.seamline.channel.email-<instance>.cfg}: a Camel timer polls
 * it over IMAP, and IMAP IDLE polls at once when mail arrives; replies go out over SMTP. The {@link ChannelAdapter} is registered by hand so the password never
 * becomes a service property.
 */
@Component(service = {}, configurationPid = EmailChannel.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EmailChannelConfiguration.class, factory = true)
public class EmailChannel implements ChannelAdapter {

    static final String FACTORY_PID = "org.seamline.channel.email";
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final BundleContext bundleContext;
    private final PluginInstances.Claim claim;
    private final String instance;
    private final AtomicReference<MailboxSettings> settings;
    private final MailboxPoller poller;
    private final SmtpSender sender;
    private final ServiceRegistration<ChannelAdapter> adapter;
    private final MailboxIdler idler;
    private final Object pollLock = new Object();
    private volatile PluginCamelContext camel;

    @Activate
    public EmailChannel(BundleContext bundleContext, @Reference Ingress ingress, @Reference DeliveryReports reports,
                        @Reference AttachmentStore attachments,
                        EmailChannelConfiguration config,
                        Map<String, Object> properties) {
        this.bundleContext = bundleContext;
        this.claim = PluginInstances.claim(FACTORY_PID, properties);
        this.instance = claim.name();
        try {
            this.settings = new AtomicReference<>(MailboxSettings.from(config));
            this.poller = new MailboxPoller(instance, ingress, reports, attachments);
            this.sender = new SmtpSender(instance, attachments);
            this.camel = startPolling(settings.get());
            this.idler = new MailboxIdler(instance, settings::get, this::pollNow);
            idler.start();
            Hashtable<String, Object> adapterProperties = new Hashtable<>();
            adapterProperties.put(CHANNEL, EmailReader.CHANNEL);
            adapterProperties.put(INSTANCE, instance);
            this.adapter = bundleContext.registerService(ChannelAdapter.class, this, adapterProperties);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
        LOG.info("Email channel {}: {}", instance, settings.get());
    }

    /** A changed configuration applies from the next poll; only a new interval restarts the timer. */
    @Modified
    void modified(EmailChannelConfiguration config) {
        MailboxSettings next;
        try {
            next = MailboxSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Email channel {}: configuration change refused, keeping the previous one: {}", instance, e.getMessage());
            return;
        }
        MailboxSettings previous = settings.getAndSet(next);
        if (previous.pollIntervalSeconds() != next.pollIntervalSeconds()) {
            PluginCamelContext old = camel;
            camel = startPolling(next);
            old.close();
        }
        LOG.info("Email channel {} reconfigured: {}", instance, next);
    }

    @Deactivate
    void deactivate() {
        adapter.unregister();
        idler.close();
        camel.close();
        claim.close();
        LOG.info("Email channel {} stopped", instance);
    }

    private PluginCamelContext startPolling(MailboxSettings current) {
        return PluginCamelContext.start(bundleContext, "channel-email-" + instance, new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:email-" + instance + "?delay=0&period=" + current.pollIntervalSeconds() * 1000L)
                        .routeId("email-poll-" + instance)
                        .process(exchange -> pollNow());
            }
        });
    }

    /**
     * The timer and IDLE both poll; one at a time, so a mail is never handled by two sessions at once. Answers how
     * many mails left the inbox.
     */
    private int pollNow() {
        synchronized (pollLock) {
            return withOwnClassLoader(() -> poller.poll(settings.get()));
        }
    }

    @Override
    public String channel() {
        return EmailReader.CHANNEL;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TEXT, Capability.RICH_TEXT, Capability.ATTACHMENTS);
    }

    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        return withOwnClassLoader(() -> sender.send(settings.get(), message));
    }

    @Override
    public Health health() {
        return camel.isStarted() ? withSending(poller.health(), sender.failing()) : Health.down("polling is not started");
    }

    /** The mailbox is degraded while its SMTP server fails, even when reading works. */
    static Health withSending(Health reading, Optional<String> sendingFailure) {
        if (sendingFailure.isEmpty()) {
            return reading;
        }
        Health.State state = reading.state() == Health.State.DOWN ? Health.State.DOWN : Health.State.DEGRADED;
        String detail = reading.detail() == null ? "" : reading.detail() + ", ";
        return new Health(state, detail + "sending: " + sendingFailure.get());
    }

    /** Mail work that may fail with {@code E}. */
    private interface MailWork<T, E extends Exception> {
        T run() throws E;
    }

    /** Jakarta Mail finds its providers through the context class loader: ours, where they are embedded. */
    private static <T, E extends Exception> T withOwnClassLoader(MailWork<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailChannel.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
