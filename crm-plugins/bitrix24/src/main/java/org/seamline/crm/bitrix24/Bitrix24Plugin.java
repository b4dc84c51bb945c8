package org.seamline.crm.bitrix24;

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
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.api.plugin.PluginInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector per factory configuration {@code etc/org.seamline.crm.bitrix24-<instance>.cfg}. The connector is
 * registered by hand, as {@link CrmConnector} and {@link CrmWebhooks}, so the webhook URL and the token never become
 * service properties. No Camel route: a connector call is one bounded request the platform paces and retries, and a
 * throttler or redelivery here would hide from the platform the limits it must see.
 */
@Component(service = {}, configurationPid = Bitrix24Plugin.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Bitrix24Configuration.class, factory = true)
public class Bitrix24Plugin {

    static final String FACTORY_PID = "org.seamline.crm.bitrix24";
    private static final Logger LOG = LoggerFactory.getLogger(Bitrix24Plugin.class);

    private final PluginInstances.Claim claim;
    private final Bitrix24Connector connector;
    private final ServiceRegistration<?> registration;

    @Activate
    public Bitrix24Plugin(BundleContext context, Bitrix24Configuration config, Map<String, Object> properties) {
        this.claim = PluginInstances.claim(FACTORY_PID, properties);
        try {
            Bitrix24Settings settings = Bitrix24Settings.from(config);
            this.connector = new Bitrix24Connector(claim.name(), settings, Clock.systemUTC());
            Hashtable<String, Object> service = new Hashtable<>();
            service.put(CrmConnector.CRM, Bitrix24Connector.CRM_NAME);
            service.put(CrmConnector.INSTANCE, claim.name());
            this.registration = context.registerService(
                    new String[] {CrmConnector.class.getName(), CrmWebhooks.class.getName()}, connector, service);
            LOG.info("Bitrix24 connector {} started for {}", claim.name(), settings);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    /** A changed configuration applies to the next call; a wrong one is refused and the previous one kept. */
    @Modified
    void modified(Bitrix24Configuration config) {
        try {
            Bitrix24Settings settings = Bitrix24Settings.from(config);
            connector.reconfigure(settings);
            LOG.info("Bitrix24 connector {} reconfigured for {}", claim.name(), settings);
        } catch (IllegalArgumentException e) {
            LOG.error("Bitrix24 connector {}: configuration change refused, keeping the previous one: {}", claim.name(),
                    e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        claim.close();
        LOG.info("Bitrix24 connector {} stopped", claim.name());
    }
}
