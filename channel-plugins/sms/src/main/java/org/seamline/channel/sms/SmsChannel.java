package org.seamline.channel.sms;

import jakarta.servlet.Servlet;
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
import org.seamline.channel.twilio.TwilioFailure;
import org.seamline.channel.twilio.TwilioWebhookServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMS instance per factory configuration {@code etc/org.seamline.channel.sms-<instance>.cfg}: a Twilio number
 * (or messaging service) whose webhooks arrive at {@code /hooks/sms/<instance>/inbound} and {@code …/status}.
 *
 * <p>Sending makes one call to Twilio's REST API, not through a Camel route: the outbox's dispatcher already gives
 * each instance its own lane, retries and backoff, and a route would add a hop without an integration pattern.
 * The servlet and adapter are registered by hand so the auth token never becomes a service property.
 */
@Component(service = {}, configurationPid = SmsChannel.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmsChannelConfiguration.class, factory = true)
public class SmsChannel implements ChannelAdapter {

    static final String FACTORY_PID = "org.seamline.channel.sms";
    private static final Logger LOG = LoggerFactory.getLogger(SmsChannel.class);

    private final PluginInstances.Claim claim;
    private final String instance;
    private final AtomicReference<SmsSettings> settings;
    private final MessagingSender sender;
    private final ConsentSignals signals;
    private final ServiceRegistration<Servlet> servlet;
    private final ServiceRegistration<ChannelAdapter> adapter;

    @Activate
    public SmsChannel(BundleContext context, @Reference Ingress ingress, @Reference DeliveryReports reports,
                      @Reference AttachmentStore attachments, @Reference CustomerSignals customerSignals,
                      SmsChannelConfiguration config, Map<String, Object> properties) {
        this.claim = PluginInstances.claim(FACTORY_PID, properties);
        this.instance = claim.name();
        try {
            this.settings = new AtomicReference<>(SmsSettings.from(config));
            this.sender = new MessagingSender(SmsEvents.CHANNEL, instance);
            this.signals = new ConsentSignals(instance, customerSignals);
            SmsEvents events = new SmsEvents(instance, settings::get, signals);
            this.servlet = context.registerService(Servlet.class, new MessagingWebhookServlet(SmsEvents.CHANNEL,
                    instance, () -> settings.get().webhookKeys(), ingress, reports, attachments,
                    () -> settings.get().downloads(), events), servletProperties());
            Hashtable<String, Object> adapterProperties = new Hashtable<>();
            adapterProperties.put(CHANNEL, SmsEvents.CHANNEL);
            adapterProperties.put(INSTANCE, instance);
            this.adapter = context.registerService(ChannelAdapter.class, this, adapterProperties);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
        LOG.info("SMS channel {} serving /hooks/sms/{}/inbound and /status for {}", instance, instance,
                settings.get().publicBaseUrl());
    }

    /** Applies a changed configuration without a gap: the next webhook or send uses it. */
    @Modified
    void modified(SmsChannelConfiguration config) {
        try {
            settings.set(SmsSettings.from(config));
            LOG.info("SMS channel {} reconfigured", instance);
        } catch (IllegalArgumentException e) {
            LOG.error("SMS channel {}: configuration change refused, keeping the previous one: {}", instance, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        servlet.unregister();
        adapter.unregister();
        claim.close();
        LOG.info("SMS channel {} stopped", instance);
    }

    private Hashtable<String, Object> servletProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN,
                TwilioWebhookServlet.pattern(SmsEvents.CHANNEL, instance));
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "seamline-channel-sms-" + instance);
        return properties;
    }

    @Override
    public String channel() {
        return SmsEvents.CHANNEL;
    }

    @Override
    public String instance() {
        return instance;
    }

    /** Text only: Twilio fetches MMS files from a public URL, and Seamline serves none yet. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TEXT);
    }

    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        SmsSettings current = settings.get();
        String to = message.to().identifier(Identifier.PHONE)
                .orElseThrow(() -> new SendException("the recipient has no phone number", false));
        MessageRequest request = new MessageRequest(to, current.from(), message.text(), null, null, null,
                MessageStatusCallbacks.url(current.publicBaseUrl(), SmsEvents.CHANNEL, instance, message.id()),
                message.idempotencyKey());
        return sender.send(current.gateway(), message, request, this::learnFrom);
    }

    private void learnFrom(OutboundMessage message, TwilioFailure failure) throws IngressUnavailableException {
        Optional<String> number = message.to().identifier(Identifier.PHONE);
        if (failure.code() != null && number.isPresent()) {
            signals.twilioError(number.get(), failure.code().toString(), "sending message " + message.id());
        }
    }

    @Override
    public Health health() {
        return sender.health();
    }
}
