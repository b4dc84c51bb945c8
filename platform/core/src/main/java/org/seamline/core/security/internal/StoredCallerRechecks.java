package org.seamline.core.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.core.security.ApiContext;
import org.seamline.core.security.CallerRechecks;
import org.seamline.core.users.ApiTokens;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Sessions;
import org.seamline.core.users.Users;

/**
 * Re-checks against the store: a session by its cookie (without touching its idle time), a token by its hash, a
 * Basic caller by its user's presence and state. The request's secrets stay in memory only as long as the request.
 */
@Component(service = CallerRechecks.class)
public class StoredCallerRechecks implements CallerRechecks {

    private final Users users;
    private final ApiTokens tokens;
    private final Sessions sessions;

    @Activate
    public StoredCallerRechecks(@Reference Users users, @Reference ApiTokens tokens, @Reference Sessions sessions) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public Recheck of(HttpServletRequest request) {
        Principal principal = ApiContext.principal(request);
        if (principal == null) {
            return Optional::empty;
        }
        return switch (principal.via()) {
            case SESSION -> {
                String cookie = SessionCookie.valueIn(request);
                yield () -> sessions.check(cookie);
            }
            case TOKEN -> {
                String token = Credentials.bearerToken(request.getHeader("Authorization"));
                yield () -> tokens.authenticate(token);
            }
            case BASIC -> {
                String username = principal.username();
                yield () -> users.find(username).filter(user -> !user.disabled())
                        .map(user -> new Principal(user.username(), user.role(), Principal.Via.BASIC, null));
            }
        };
    }
}
