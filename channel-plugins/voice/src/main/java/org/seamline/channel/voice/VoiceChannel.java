package org.seamline.channel.voice;

import jakarta.servlet.Servlet;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
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
import org.seamline.api.health.Health;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.InteractionEvents;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.plugin.PluginInstances;
import org.seamline.channel.twilio.TwilioWebhookServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Twilio number answered by an IVR per factory configuration {@code etc/org.seamline.channel.voice-<instance>.cfg},
 * serving {@code /hooks/voice/<instance>/…}. It only receives: replies to callers go by SMS, WhatsApp or email.
 *
 * <p>The servlet and the {@link ChannelAdapter} are registered by hand, so the configuration with its secrets never
 * becomes service properties.
 */
@Component(service = {}, configurationPid = VoiceChannel.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = VoiceChannelConfiguration.class, factory = true)
public class VoiceChannel implements ChannelAdapter {

    static final String FACTORY_PID = "org.seamline.channel.voice";
    /** The channel kind. */
    static final String KIND = "voice";
    private static final Logger LOG = LoggerFactory.getLogger(VoiceChannel.class);

    private final PluginInstances.Claim claim;
    private final String instance;
    private final Path etcDir;
    private final AtomicReference<VoiceSettings> settings;
    private final ServiceRegistration<Servlet> servlet;
    private final ServiceRegistration<ChannelAdapter> adapter;

    @Activate
    public VoiceChannel(BundleContext bundleContext, @Reference Ingress ingress, @Reference InteractionEvents events,
                        @Reference AttachmentStore attachments, VoiceChannelConfiguration config,
                        Map<String, Object> properties) {
        this.claim = PluginInstances.claim(FACTORY_PID, properties);
        this.instance = claim.name();
        try {
            this.etcDir = etcDir(bundleContext);
            this.settings = new AtomicReference<>(settings(config));
            this.servlet = bundleContext.registerService(Servlet.class, new VoiceWebhookServlet(instance, settings::get,
                    new CallRecord(instance, ingress, events), new Recordings(attachments, instance)), servletProperties());
            Hashtable<String, Object> adapterProperties = new Hashtable<>();
            adapterProperties.put(CHANNEL, KIND);
            adapterProperties.put(INSTANCE, instance);
            this.adapter = bundleContext.registerService(ChannelAdapter.class, this, adapterProperties);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
        LOG.info("Voice channel {}{} answering calls at /hooks/voice/{}/incoming", instance,
                settings.get().number().isEmpty() ? "" : " (" + settings.get().number() + ")", instance);
    }

    private VoiceSettings settings(VoiceChannelConfiguration config) {
        try {
            return VoiceSettings.from(config, etcDir);
        } catch (IllegalArgumentException e) {
            LOG.error("Voice channel {} not started: {}", instance, e.getMessage());
            throw e;
        }
    }

    /** Applies a changed configuration (also a changed IVR file name) without a gap: the next webhook uses it. */
    @Modified
    void modified(VoiceChannelConfiguration config) {
        VoiceSettings next;
        try {
            next = VoiceSettings.from(config, etcDir);
        } catch (IllegalArgumentException e) {
            LOG.error("Voice channel {}: configuration change refused, keeping the previous one: {}", instance, e.getMessage());
            return;
        }
        settings.set(next);
        LOG.info("Voice channel {} reconfigured", instance);
    }

    @Deactivate
    void deactivate() {
        servlet.unregister();
        adapter.unregister();
        claim.close();
        LOG.info("Voice channel {} stopped", instance);
    }

    /** The platform's {@code etc/}, where a relative IVR file is looked up. */
    private static Path etcDir(BundleContext bundleContext) {
        String home = bundleContext.getProperty("seamline.home");
        return Path.of(home == null ? "." : home).resolve("etc");
    }

    private Hashtable<String, Object> servletProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, TwilioWebhookServlet.pattern(KIND, instance));
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "seamline-channel-voice-" + instance);
        return properties;
    }

    @Override
    public String channel() {
        return KIND;
    }

    @Override
    public String instance() {
        return instance;
    }

    /** Nothing: the platform refuses replies to this instance when they are posted, instead of queueing them. */
    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        throw new SendException("the voice channel only receives calls; reply by SMS, WhatsApp or email", false);
    }

    @Override
    public Health health() {
        return Health.up();
    }
}
