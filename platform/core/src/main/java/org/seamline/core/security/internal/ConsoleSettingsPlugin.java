package org.seamline.core.security.internal;

import java.util.Dictionary;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.seamline.core.security.AdminCredentials;

/**
 * Keeps the web console on the platform's admin credentials and at {@code /system/console}, whatever configuration
 * someone saves for it (through the console itself, a file in etc/ or ConfigAdmin): an empty or different console
 * password, or a console moved away from the guarded path ({@link AdminSurfaceGuard}), never takes effect.
 */
@Component(property = ConfigurationPlugin.CM_RANKING + ":Integer=1000")
public class ConsoleSettingsPlugin implements ConfigurationPlugin {

    static final String CONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";

    private final String passwordHash;

    @Activate
    public ConsoleSettingsPlugin(BundleContext context) {
        this.passwordHash = context.getProperty("seamline.admin.password.hash");
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        if (CONSOLE_PID.equals(properties.get(Constants.SERVICE_PID))) {
            properties.put("username", AdminCredentials.USER);
            properties.put("password", passwordHash);
            properties.put("manager.root", AdminSurfaceGuard.CONSOLE);
        }
    }
}
