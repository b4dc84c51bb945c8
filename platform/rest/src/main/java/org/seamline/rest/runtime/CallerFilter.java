package org.seamline.rest.runtime;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.seamline.core.users.Principal;
import org.seamline.rest.errors.ApiErrors;

/**
 * Does for the resources what core's ApiContext does for servlets: admits only a request the platform's guard
 * authenticated (it left the caller in the request attribute {@value Principal#ATTRIBUTE}, which Jersey shows as a
 * property) and makes that caller the request's user, so resources read the actor from their
 * {@link SecurityContext} ({@link Caller}). The guard already refused anyone else; this is the second lock.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("seamline.caller")
@PreMatching
public class CallerFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(Principal.ATTRIBUTE) instanceof Principal principal)) {
            request.abortWith(ApiErrors.answer(401, "unauthorized", "credentials are required")
                    .header("WWW-Authenticate", "Basic realm=\"Seamline\", charset=\"UTF-8\"").build());
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new Caller(principal, secure));
    }
}
