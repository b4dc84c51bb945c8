package org.seamline.core.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.core.security.AdminCredentials;
import org.seamline.core.users.ApiTokens;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Sessions;
import org.seamline.core.users.User;
import org.seamline.core.users.Users;

/**
 * Who a request comes from: HTTP Basic with any user's name and password, {@code Authorization: Bearer} with an API
 * token, or the browser's session cookie, in that order. Password and token guesses go through the
 * {@link LoginThrottle}.
 */
@Component(service = Credentials.class)
public class Credentials {

    /** The throttle's name for token guesses: they are counted per address, not per user. */
    private static final String TOKEN_USER = "(API token)";

    private final Users users;
    private final ApiTokens tokens;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    @Activate
    public Credentials(@Reference Users users, @Reference ApiTokens tokens, @Reference Sessions sessions,
            @Reference LoginThrottle throttle) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /**
     * The request's principal, or why there is none. {@code where} ({@code GET /api/v1/plugins}) is for the log of a
     * failed attempt.
     */
    LoginThrottle.Attempt<Principal> of(HttpServletRequest request, String where) throws SQLException {
        String authorization = request.getHeader("Authorization");
        String address = request.getRemoteAddr();
        String token = bearerToken(authorization);
        if (token != null) {
            return throttle.attempt(TOKEN_USER, address, where, () -> tokens.authenticate(token));
        }
        if (authorization != null) {
            String[] basic = AdminCredentials.basic(authorization);
            String user = basic == null ? "(no Basic credentials)" : basic[0];
            return throttle.attempt(user, address, where, () -> basic == null ? Optional.empty()
                    : users.authenticate(basic[0], basic[1]).map(u -> principal(u, Principal.Via.BASIC)));
        }
        String cookie = SessionCookie.valueIn(request);
        return new LoginThrottle.Attempt<>(cookie == null ? Optional.empty() : sessions.find(cookie), Optional.empty());
    }

    /** The token of {@code Authorization: Bearer …}, or null for any other (or no) scheme. */
    static String bearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    /** The browser's sign-in: the user, if the password is right and neither the account nor the address is throttled. */
    LoginThrottle.Attempt<User> signIn(String username, String password, String address) throws SQLException {
        return throttle.attempt(username, address, "POST /api/v1/session", () -> users.authenticate(username, password));
    }

    Sessions sessions() {
        return sessions;
    }

    private static Principal principal(User user, Principal.Via via) {
        return new Principal(user.username(), user.role(), via, null);
    }
}
