package org.seamline.crm.jdbc;

import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.plugin.PluginInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDBC CRM instance per factory configuration {@code etc/org.seamline.crm.jdbc-<instance>.cfg}; without one,
 * nothing starts. The connector is registered by hand, not as the component's service, so the configuration (with
 * the database password) never becomes service properties that any bundle or the web console could read. A changed
 * configuration restarts the instance: a new table mapping needs a new check and a new pool.
 */
@Component(service = {}, configurationPid = JdbcCrmComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = JdbcCrmConfiguration.class, factory = true)
public class JdbcCrmComponent {

    static final String FACTORY_PID = "org.seamline.crm.jdbc";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCrmComponent.class);

    private final PluginInstances.Claim claim;
    private final JdbcCrm crm;
    private final ServiceRegistration<?> registration;

    @Activate
    public JdbcCrmComponent(BundleContext bundleContext, JdbcCrmConfiguration config, Map<String, Object> properties) {
        this.claim = PluginInstances.claim(FACTORY_PID, properties);
        try {
            this.crm = JdbcCrm.open(claim.name(), Settings.from(config));
        } catch (RuntimeException e) {
            claim.close();
            LOG.error("JDBC CRM {} refused: {}", claim.name(), e.getMessage());
            throw e;
        }
        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(CrmConnector.CRM, JdbcCrm.CRM_KIND);
        serviceProperties.put(CrmConnector.INSTANCE, claim.name());
        this.registration = bundleContext.registerService(
                new String[] {CrmConnector.class.getName(), CrmChangePolling.class.getName()}, crm, serviceProperties);
        LOG.info("JDBC CRM {} started ({})", claim.name(), config.activityTable().isBlank() ? "read-only" : "with write-back");
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        crm.close();
        claim.close();
        LOG.info("JDBC CRM {} stopped", claim.name());
    }
}
