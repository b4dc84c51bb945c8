package org.seamline.channel.api;

import jakarta.servlet.Servlet;
import java.util.EnumSet;
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
import org.seamline.api.ingress.Ingress;
import org.seamline.api.plugin.PluginInstances;
import org.seamline.api.message.OutboundMessage;
import org.seamline.camel.PluginCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API channel instance per factory configuration {@code etc/org.seamline.channel.api-<instance>.cfg}.
 * It serves {@code /hooks/api/<instance>/messages} and sends replies to the configured callback URL.
 *
 * <p>The servlet and the {@link ChannelAdapter} are registered by hand rather than as component services, so the
 * configuration (with its secret) never becomes service properties that any bundle or the web console could read.
 */
@Component(service = {}, configurationPid = ApiChannel.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ApiChannelConfiguration.class, factory = true)
public class ApiChannel implements ChannelAdapter {

    static final String FACTORY_PID = "org.seamline.channel.api";
    private static final Logger LOG = LoggerFactory.getLogger(ApiChannel.class);

    private final PluginInstances.Claim claim;
    private final String instance;
    private final AtomicReference<ApiChannelSettings> settings;
    private final ServiceRegistration<Servlet> servlet;
    private final ServiceRegistration<ChannelAdapter> adapter;
    private final OutboundSender sender;
    private final PluginCamelContext camel;

    @Activate
    public ApiChannel(BundleContext bundleContext, @Reference Ingress ingress, ApiChannelConfiguration config,
                      Map<String, Object> properties) {
        this.claim = PluginInstances.claim(FACTORY_PID, properties);
        this.instance = claim.name();
        try {
            this.settings = new AtomicReference<>(ApiChannelSettings.from(config));
            this.sender = new OutboundSender(instance);
            this.camel = PluginCamelContext.start(bundleContext, "channel-api-" + instance,
                    new SendRoute(instance, new CallbackPoster(settings::get)));
            this.servlet = bundleContext.registerService(Servlet.class, new WebhookServlet(instance, ingress, settings::get),
                    servletProperties());
            Hashtable<String, Object> adapterProperties = new Hashtable<>();
            adapterProperties.put(CHANNEL, InboundMessageParser.CHANNEL);
            adapterProperties.put(INSTANCE, instance);
            this.adapter = bundleContext.registerService(ChannelAdapter.class, this, adapterProperties);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
        LOG.info("API channel {} serving /hooks/api/{}/messages", instance, instance);
    }

    /** Applies a changed configuration without a gap in service: the next request or reply uses it. */
    @Modified
    void modified(ApiChannelConfiguration config) {
        ApiChannelSettings next;
        try {
            next = ApiChannelSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("API channel {}: configuration change refused, keeping the previous one: {}", instance, e.getMessage());
            return;
        }
        settings.set(next);
        LOG.info("API channel {} reconfigured", instance);
    }

    @Deactivate
    void deactivate() {
        servlet.unregister();
        adapter.unregister();
        camel.close();
        claim.close();
        LOG.info("API channel {} stopped", instance);
    }

    private Hashtable<String, Object> servletProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/hooks/api/" + instance + "/*");
        // Unique per instance: servlet names are how Camel and the web console tell servlets apart.
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "seamline-channel-api-" + instance);
        return properties;
    }

    @Override
    public String channel() {
        return InboundMessageParser.CHANNEL;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public Set<Capability> capabilities() {
        // Without a callback URL a reply could only become a dead letter: refused up front instead.
        return settings.get().callbackUrl() == null ? Set.of() : EnumSet.of(Capability.TEXT, Capability.ATTACHMENTS);
    }

    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        return sender.send(camel.producer(), message);
    }

    @Override
    public Health health() {
        if (!camel.isStarted()) {
            return Health.down("routes are not started");
        }
        return sender.health();
    }
}
