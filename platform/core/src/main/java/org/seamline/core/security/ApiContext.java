package org.seamline.core.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.RequestBodies;
import org.seamline.core.users.Principal;

/**
 * The servlet context of the REST API at {@code /api/v1}. The platform's guard (a whiteboard preprocessor that sees
 * every request first) authenticates the caller and holds it to its role; this context admits only requests the guard
 * authenticated, plus the browser's sign-in ({@code POST /session}), and makes the caller's user name the request's
 * remote user. Servlets join it with {@code @HttpWhiteboardContextSelect(ApiContext.SELECT)}. The REST resources are
 * served beside it, at the same path, from the Jakarta REST whiteboard's own context (its caller filter does the
 * same there); the ranking makes the HTTP runtime look here first, so {@code /session} is not taken for a resource.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, property = "service.ranking:Integer=100")
@HttpWhiteboardContext(name = ApiContext.NAME, path = ApiContext.PATH)
public class ApiContext extends ServletContextHelper {

    public static final String NAME = "seamline-api";
    public static final String PATH = "/api/v1";
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
    /** Set by the guard on the one request that may come without credentials: the browser's sign-in. */
    public static final String SIGN_IN = "org.seamline.signin";

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(Principal.ATTRIBUTE) instanceof Principal principal) {
            // Servlets read the actor for audit trails and timelines from request.getRemoteUser().
            request.setAttribute(REMOTE_USER, principal.username());
            request.setAttribute(AUTHENTICATION_TYPE, principal.via() == Principal.Via.BASIC ? HttpServletRequest.BASIC_AUTH
                    : principal.via().name());
            return true;
        }
        if (Boolean.TRUE.equals(request.getAttribute(SIGN_IN))) {
            return true;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Seamline\", charset=\"UTF-8\"");
        RequestBodies.closeIfUnread(request, response); // before the servlet filters, which never see this answer
        JsonResponses.error(response, 401, "unauthorized", "credentials are required");
        return false;
    }

    /** The authenticated caller of an API request. */
    public static Principal principal(HttpServletRequest request) {
        return (Principal) request.getAttribute(Principal.ATTRIBUTE);
    }
}
