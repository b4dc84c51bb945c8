package org.seamline.crm.amocrm;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.api.plugin.PluginInstances;
import org.seamline.api.store.PluginTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector per factory configuration {@code etc/org.seamline.crm.amocrm-<instance>.cfg}. Tokens live sealed
 * in the platform's database ({@link JdbcTokenVault} on {@link PluginTables}); the key in a file of its own. The
 * connector is registered by hand, so no secret of the configuration becomes a service property; as
 * {@link CrmChangePolling} only when polling is on.
 */
@Component(service = {}, configurationPid = AmoCrmPlugin.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AmoCrmConfiguration.class, factory = true)
public class AmoCrmPlugin {

    static final String FACTORY_PID = "org.seamline.crm.amocrm";
    private static final Logger LOG = LoggerFactory.getLogger(AmoCrmPlugin.class);

    private final PluginInstances.Claim claim;
    private final AmoCrmConnector connector;
    private final ServiceRegistration<?> registration;

    @Activate
    public AmoCrmPlugin(BundleContext context, @Reference PluginTables tables, AmoCrmConfiguration config,
                        Map<String, Object> properties) throws SQLException, IOException {
        this.claim = PluginInstances.claim(FACTORY_PID, properties);
        ServiceRegistration<?> registered = null;
        try {
            AmoCrmSettings settings = AmoCrmSettings.from(config);
            DataSource db = tables.migrate(JdbcTokenVault.OWNER, AmoCrmPlugin.class.getClassLoader(), JdbcTokenVault.MIGRATIONS);
            Path keyFile = keyFile(settings, context.getProperty("seamline.home"));
            TokenCipher cipher = new TokenCipher(KeyFile.loadOrCreate(keyFile));
            this.connector = new AmoCrmConnector(claim.name(), settings,
                    new JdbcTokenVault(db, cipher, Clock.systemUTC()), Clock.systemUTC());
            Hashtable<String, Object> service = new Hashtable<>();
            service.put(CrmConnector.CRM, AmoCrmConnector.CRM_NAME);
            service.put(CrmConnector.INSTANCE, claim.name());
            List<String> interfaces = new ArrayList<>(List.of(CrmConnector.class.getName(), CrmWebhooks.class.getName()));
            if (!settings.pollInterval().isZero()) {
                interfaces.add(CrmChangePolling.class.getName());
            }
            registered = context.registerService(interfaces.toArray(String[]::new), connector, service);
            this.registration = registered;
            LOG.info("amoCRM connector {} started for {}", claim.name(), settings);
            authorise(claim.name(), connector);
        } catch (RuntimeException | SQLException | IOException e) {
            // a failed activation leaves nothing behind: no service of a component SCR considers never started
            if (registered != null) {
                registered.unregister();
            }
            claim.close();
            throw e;
        }
    }

    /** Best effort: a failure shows in the health and the next call tries again. */
    private static void authorise(String instance, AmoCrmConnector connector) {
        try {
            connector.authorise();
        } catch (CrmException e) {
            LOG.warn("amoCRM connector {}: not authorised yet: {}", instance, e.getMessage());
        }
    }

    /** The configured key file, else {@code ${seamline.home}/etc/keys/crm.amocrm.key}. */
    static Path keyFile(AmoCrmSettings settings, String seamlineHome) {
        if (settings.keyFile() != null) {
            return settings.keyFile();
        }
        if (seamlineHome == null || seamlineHome.isBlank()) {
            throw new IllegalArgumentException("keyFile is required when the property seamline.home is not set");
        }
        return Path.of(seamlineHome).resolve(KeyFile.DEFAULT_LOCATION);
    }

    /**
     * A changed configuration applies to the next call; a wrong one is refused and the previous one kept. Turning
     * polling on or off, or moving the key file, needs the instance restarted (its file touched).
     */
    @Modified
    void modified(AmoCrmConfiguration config) {
        try {
            AmoCrmSettings settings = AmoCrmSettings.from(config);
            connector.reconfigure(settings);
            LOG.info("amoCRM connector {} reconfigured for {}", claim.name(), settings);
            authorise(claim.name(), connector); // a new code expires in 20 minutes: exchange it now
        } catch (IllegalArgumentException e) {
            LOG.error("amoCRM connector {}: configuration change refused, keeping the previous one: {}", claim.name(),
                    e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        claim.close();
        LOG.info("amoCRM connector {} stopped", claim.name());
    }
}
