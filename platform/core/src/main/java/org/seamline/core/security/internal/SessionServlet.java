package org.seamline.core.security.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.core.http.Json;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.core.http.RequestBodies;
import org.seamline.core.security.ApiContext;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Sessions;
import org.seamline.core.users.User;
import org.seamline.core.users.Users;
import org.seamline.core.users.internal.SessionConfiguration;
import org.seamline.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser's sign-in at {@code /api/v1/session}: {@code POST {"username", "password"}} answers 204 with the
 * session cookie, {@code GET} who is signed in and the CSRF token the session's changes must carry, {@code DELETE}
 * signs out.
 */
@Component(service = Servlet.class, configurationPid = SessionConfiguration.PID)
@HttpWhiteboardServletPattern("/session")
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_BYTES = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(SessionServlet.class);

    private final transient Credentials credentials;
    private final transient Users users;
    private final boolean httpsPublicUrl;

    @Activate
    public SessionServlet(@Reference Credentials credentials, @Reference Users users, SessionConfiguration config) {
        this.credentials = credentials;
        this.users = users;
        this.httpsPublicUrl = config.publicUrl().strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (JsonResponses.refusedUnlessJson(request, response)) {
            return;
        }
        try {
            JsonNode body = Json.read(RequestBodies.read(request, MAX_BODY_BYTES));
            JsonNode username = body == null ? null : body.get("username");
            JsonNode password = body == null ? null : body.get("password");
            if (username == null || !username.isTextual() || password == null || !password.isTextual()) {
                JsonResponses.error(response, 400, "bad_request", "'username' and 'password' are required strings");
                return;
            }
            LoginThrottle.Attempt<User> attempt = credentials.signIn(username.asText(), password.asText(), request.getRemoteAddr());
            if (attempt.retryAfter().isPresent()) {
                Duration wait = attempt.retryAfter().get();
                response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds() + 1)));
                JsonResponses.error(response, 429, "too_many_attempts", "too many failed logins; retry later");
            } else if (attempt.accepted().isEmpty()) {
                JsonResponses.error(response, 401, "unauthorized", "wrong user name or password");
            } else {
                Sessions.Opened opened = credentials.sessions().open(attempt.accepted().get());
                response.addHeader("Set-Cookie", SessionCookie.set(opened.cookieValue(), secure(request)));
                response.setHeader("Cache-Control", "no-store");
                response.setStatus(204);
            }
        } catch (PayloadTooLargeException e) {
            JsonResponses.tooLarge(response, e);
        } catch (JacksonException e) {
            JsonResponses.error(response, 400, "bad_request", "body is not valid JSON");
        } catch (SQLException e) {
            storeUnavailable(response, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = ApiContext.principal(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", principal.username());
        body.put("role", principal.role().id());
        body.put("via", principal.via().name().toLowerCase(Locale.ROOT));
        if (principal.csrfToken() != null) {
            body.put("csrfToken", principal.csrfToken());
        }
        try {
            // The initial admin from the credentials file has no stored user, hence no teams.
            body.put("teams", users.find(principal.username()).map(User::teams).orElse(List.of()));
        } catch (SQLException e) {
            storeUnavailable(response, e);
            return;
        }
        JsonResponses.write(response, 200, body);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String cookie = SessionCookie.valueIn(request);
        try {
            if (cookie != null) {
                credentials.sessions().close(cookie);
            }
            response.addHeader("Set-Cookie", SessionCookie.clear(secure(request)));
            response.setStatus(204);
        } catch (SQLException e) {
            storeUnavailable(response, e);
        }
    }

    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || httpsPublicUrl;
    }

    private static void storeUnavailable(HttpServletResponse response, SQLException e) throws IOException {
        LOG.warn("Sign-in store access failed: {}", StoreFailures.describe(e));
        JsonResponses.error(response, 503, "store_unavailable", "the store is unavailable right now; nothing changed");
    }
}
