package org.seamline.crm.hubspot;

import java.time.Clock;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.api.plugin.PluginInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector per factory configuration {@code etc/org.seamline.crm.hubspot-<instance>.cfg}. The connector is
 * registered by hand, as {@link CrmConnector}, {@link CrmChangePolling} and {@link CrmWebhooks}, so the token and
 * the client secret never become service properties. No Camel route: a connector call is one bounded request the
 * platform paces and retries, and a throttler or redelivery here would hide from the platform the limits it must see.
 */
@Component(service = {}, configurationPid = HubSpotPlugin.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HubSpotConfiguration.class, factory = true)
public class HubSpotPlugin {

    static final String FACTORY_PID = "org.seamline.crm.hubspot";
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotPlugin.class);

    private final PluginInstances.Claim claim;
    private final HubSpotConnector connector;
    private final ServiceRegistration<?> registration;

    @Activate
    public HubSpotPlugin(BundleContext context, HubSpotConfiguration config, Map<String, Object> properties) {
        this.claim = PluginInstances.claim(FACTORY_PID, properties);
        try {
            HubSpotSettings settings = HubSpotSettings.from(config);
            this.connector = new HubSpotConnector(claim.name(), settings, Clock.systemUTC());
            Hashtable<String, Object> service = new Hashtable<>();
            service.put(CrmConnector.CRM, HubSpotConnector.CRM_NAME);
            service.put(CrmConnector.INSTANCE, claim.name());
            this.registration = context.registerService(
                    new String[] {CrmConnector.class.getName(), CrmChangePolling.class.getName(),
                            CrmWebhooks.class.getName()}, connector, service);
            LOG.info("HubSpot connector {} started for {}", claim.name(), settings);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    /** A changed configuration applies to the next call; a wrong one is refused and the previous one kept. */
    @Modified
    void modified(HubSpotConfiguration config) {
        try {
            HubSpotSettings settings = HubSpotSettings.from(config);
            connector.reconfigure(settings);
            LOG.info("HubSpot connector {} reconfigured for {}", claim.name(), settings);
        } catch (IllegalArgumentException e) {
            LOG.error("HubSpot connector {}: configuration change refused, keeping the previous one: {}", claim.name(),
                    e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        claim.close();
        LOG.info("HubSpot connector {} stopped", claim.name());
    }
}
