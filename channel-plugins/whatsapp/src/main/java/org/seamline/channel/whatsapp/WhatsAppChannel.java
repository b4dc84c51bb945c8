package org.seamline.channel.whatsapp;

import jakarta.servlet.Servlet;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.seamline.api.channel.Capability;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.customer.CustomerSignals;
import org.seamline.api.health.Health;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.DeliveryReports;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.plugin.PluginInstances;
import org.seamline.channel.twilio.MessageRequest;
import org.seamline.channel.twilio.MessageStatusCallbacks;
import org.seamline.channel.twilio.MessagingSender;
import org.seamline.channel.twilio.MessagingWebhookServlet;
import org.seamline.channel.twilio.TwilioWebhookServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WhatsApp sender through Twilio per factory configuration {@code etc/org.seamline.channel.whatsapp-<instance>.cfg}.
 * It serves {@code /hooks/whatsapp/<instance>/inbound} and {@code …/status}, and sends replies: free text inside
 * the customer's 24-hour service window, an approved template outside it.
 *
 * <p>The servlet and the {@link ChannelAdapter} are registered by hand, so the configuration (with the auth token)
 * never becomes service properties any bundle or the web console could read.
 */
@Component(service = {}, configurationPid = WhatsAppChannel.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WhatsAppConfiguration.class, factory = true)
public class WhatsAppChannel implements ChannelAdapter {

    static final String FACTORY_PID = "org.seamline.channel.whatsapp";
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppChannel.class);

    private final PluginInstances.Claim claim;
    private final String instance;
    private final AtomicReference<WhatsAppSettings> settings;
    private final CustomerSignals signals;
    private final WhatsAppEvents events;
    private final MessagingSender sender;
    private final Clock clock = Clock.systemUTC();
    private final ServiceRegistration<Servlet> servlet;
    private final ServiceRegistration<ChannelAdapter> adapter;

    @Activate
    public WhatsAppChannel(BundleContext bundleContext, @Reference Ingress ingress, @Reference DeliveryReports reports,
                           @Reference AttachmentStore attachments, @Reference CustomerSignals signals,
                           WhatsAppConfiguration config, Map<String, Object> properties) {
        this.claim = PluginInstances.claim(FACTORY_PID, properties);
        this.instance = claim.name();
        this.signals = signals;
        try {
            this.settings = new AtomicReference<>(WhatsAppSettings.from(config));
            this.events = new WhatsAppEvents(instance, signals, reports, clock);
            this.sender = new MessagingSender(WhatsAppInbound.CHANNEL, instance);
            this.servlet = bundleContext.registerService(Servlet.class, new MessagingWebhookServlet(WhatsAppInbound.CHANNEL,
                    instance, () -> settings.get().webhookKeys(), ingress, reports, attachments,
                    () -> settings.get().downloads(), events), servletProperties());
            Hashtable<String, Object> adapterProperties = new Hashtable<>();
            adapterProperties.put(CHANNEL, WhatsAppInbound.CHANNEL);
            adapterProperties.put(INSTANCE, instance);
            this.adapter = bundleContext.registerService(ChannelAdapter.class, this, adapterProperties);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
        LOG.info("WhatsApp channel {} serving /hooks/whatsapp/{}/inbound and /status", instance, instance);
    }

    /** Applies a changed configuration without a gap: the next webhook or reply uses it. */
    @Modified
    void modified(WhatsAppConfiguration config) {
        WhatsAppSettings next;
        try {
            next = WhatsAppSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("WhatsApp channel {}: configuration change refused, keeping the previous one: {}", instance, e.getMessage());
            return;
        }
        settings.set(next);
        LOG.info("WhatsApp channel {} reconfigured", instance);
    }

    @Deactivate
    void deactivate() {
        servlet.unregister();
        adapter.unregister();
        claim.close();
        LOG.info("WhatsApp channel {} stopped", instance);
    }

    private Hashtable<String, Object> servletProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN,
                TwilioWebhookServlet.pattern(WhatsAppInbound.CHANNEL, instance));
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "seamline-channel-whatsapp-" + instance);
        return properties;
    }

    @Override
    public String channel() {
        return WhatsAppInbound.CHANNEL;
    }

    @Override
    public String instance() {
        return instance;
    }

    /** No ATTACHMENTS: Twilio fetches a reply's files from a public URL, and Seamline has none to give yet. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TEXT, Capability.TEMPLATES, Capability.SERVICE_WINDOW,
                Capability.DELIVERY_RECEIPTS, Capability.READ_RECEIPTS);
    }

    /** One attempt; the window is read again now, since the reply may have waited in the outbox. */
    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        WhatsAppSettings current = settings.get();
        Identifier recipient = WhatsAppAddress.recipient(message.to()).orElseThrow(
                () -> new SendException("the recipient has no WhatsApp number or user id", false));
        Optional<Instant> window;
        try {
            window = signals.serviceWindowUntil(WhatsAppInbound.CHANNEL, recipient);
        } catch (IngressUnavailableException e) {
            throw new SendException("the service window could not be read: " + e.getMessage(), true);
        }
        ReplyContent content = ReplyContent.of(message, window, clock.instant(), current.templates());
        MessageRequest request = new MessageRequest(WhatsAppAddress.address(recipient), current.sender(),
                content.body(), null, content.contentSid(), content.contentVariables(),
                MessageStatusCallbacks.url(current.publicBaseUrl(), WhatsAppInbound.CHANNEL, instance, message.id()),
                message.idempotencyKey());
        return sender.send(current.gateway(), message, request, events);
    }

    @Override
    public Health health() {
        return sender.health();
    }
}
