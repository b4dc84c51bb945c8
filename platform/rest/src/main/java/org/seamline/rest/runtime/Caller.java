package org.seamline.rest.runtime;

import jakarta.ws.rs.core.SecurityContext;
import org.seamline.core.users.Principal;

/** The authenticated caller of a REST request, as its {@link SecurityContext}; roles are the platform's role ids. */
public final class Caller implements SecurityContext {

    private final Principal principal;
    private final boolean secure;

    Caller(Principal principal, boolean secure) {
        this.principal = principal;
        this.secure = secure;
    }

    /** The caller a resource method was given with {@code @Context SecurityContext}. */
    public static Principal of(SecurityContext context) {
        // Jersey may hand a resource a proxy of the request's security context, so the caller travels in its principal.
        if (context != null && context.getUserPrincipal() instanceof User user) {
            return user.principal();
        }
        throw new IllegalStateException("no authenticated caller: the caller filter did not run");
    }

    /** The user name that audit trails and timelines record. */
    public static String name(SecurityContext context) {
        return of(context).username();
    }

    @Override
    public java.security.Principal getUserPrincipal() {
        return new User(principal);
    }

    /** The platform's principal as Jakarta REST's. */
    private record User(Principal principal) implements java.security.Principal {

        @Override
        public String getName() {
            return principal.username();
        }
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.role().id().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return principal.via() == Principal.Via.BASIC ? BASIC_AUTH : principal.via().name();
    }
}
