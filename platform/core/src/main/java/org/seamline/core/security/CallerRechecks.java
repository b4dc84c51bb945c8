package org.seamline.core.security;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.core.users.Principal;

/**
 * Re-checks, while a long-lived request lasts (a live event stream), the credentials it was authenticated with. The
 * guard checks a request once, when it arrives; a stream open for hours must end when its session expires or is
 * signed out, its token is revoked, or its user is deleted or disabled.
 */
@ProviderType
public interface CallerRechecks {

    /** A re-check of the credentials of a request the platform's guard authenticated. */
    Recheck of(HttpServletRequest request);

    @FunctionalInterface
    interface Recheck {

        /**
         * The caller as the store sees it now, with its current role; empty once the credentials no longer hold. A
         * re-check never counts as the user's activity, so it cannot keep an idle session alive. A password that
         * changed after a Basic request is not seen: the request's password is not kept to check it again.
         */
        Optional<Principal> now() throws SQLException;
    }
}
