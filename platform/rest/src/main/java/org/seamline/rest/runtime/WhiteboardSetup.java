package org.seamline.rest.runtime;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.core.security.ApiContext;

/**
 * Puts the Jakarta REST whiteboard at {@code /api/v1}. Its servlet-whiteboard adapter starts only once configured
 * (PID {@value #PID}) and then registers, per application, a servlet context of its own at {@code jersey.context.path}
 * plus the application's base: the default application (every resource here) at exactly {@code /api/v1}, beside
 * core's {@link ApiContext} (sign-in). The platform's guard sees every request under {@code /api/v1} whichever
 * context serves it. The path is part of the API, not a setting, so it is set here rather than in etc/.
 */
@Component(immediate = true)
public class WhiteboardSetup {

    static final String PID = "JakartarsServletWhiteboardRuntimeComponent";
    static final String CONTEXT_PATH = "jersey.context.path";

    @Activate
    public WhiteboardSetup(@Reference ConfigurationAdmin configurations) throws IOException {
        Configuration configuration = configurations.getConfiguration(PID, "?");
        Dictionary<String, Object> current = configuration.getProperties();
        if (current == null || !ApiContext.PATH.equals(current.get(CONTEXT_PATH))) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(CONTEXT_PATH, ApiContext.PATH);
            configuration.update(properties);
        }
    }
}
