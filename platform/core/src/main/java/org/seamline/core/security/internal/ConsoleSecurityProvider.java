package org.seamline.core.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Role;

/**
 * The web console's sign-in is the platform's: the console admits exactly the admins the {@link AdminSurfaceGuard}
 * authenticated (any admin user, by Basic or the browser session), instead of checking a password of its own. Ranked
 * above the console's built-in Basic provider, which stays configured with the start-up admin password as a backstop.
 */
@Component(property = Constants.SERVICE_RANKING + ":Integer=1000")
public class ConsoleSecurityProvider implements SecurityProvider {

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(Principal.ATTRIBUTE) instanceof Principal principal && principal.role() == Role.ADMIN) {
            return principal.username();
        }
        try {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Seamline\", charset=\"UTF-8\"");
            JsonResponses.error(response, 401, "unauthorized", "the web console is for admins");
        } catch (IOException clientGone) {
            // nothing to tell a client that is gone
        }
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return true; // authenticate admitted admins only
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // the session cookie is ended through DELETE /api/v1/session; Basic has nothing to end
    }
}
