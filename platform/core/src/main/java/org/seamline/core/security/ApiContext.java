package org.seamline.core.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.RequestBodies;

/**
 * The servlet context of the REST API at {@code /api/v1}: every request must carry the admin's HTTP Basic
 * credentials. REST servlets join it with {@code @HttpWhiteboardContextSelect(ApiContext.SELECT)}.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = ApiContext.NAME, path = ApiContext.PATH)
public class ApiContext extends ServletContextHelper {

    public static final String NAME = "seamline-api";
    public static final String PATH = "/api/v1";
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    private final AdminCredentials credentials;

    @Activate
    public ApiContext(BundleContext context) {
        this.credentials = new AdminCredentials(context.getProperty("seamline.admin.password.hash"));
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (credentials.accepts(request.getHeader("Authorization"))) {
            // Servlets read the actor for audit trails from request.getRemoteUser().
            request.setAttribute(REMOTE_USER, AdminCredentials.USER);
            request.setAttribute(AUTHENTICATION_TYPE, HttpServletRequest.BASIC_AUTH);
            return true;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Seamline\", charset=\"UTF-8\"");
        RequestBodies.closeIfUnread(request, response); // before the servlet filters, which never see this answer
        JsonResponses.error(response, 401, "unauthorized", "HTTP Basic credentials of the admin user are required");
        return false;
    }
}
