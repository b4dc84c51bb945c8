package org.seamline.core.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.RequestBodies;
import org.seamline.core.security.AdminCredentials;
import org.seamline.core.security.ApiContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every request before any servlet, the web console's included, and guards the admin surfaces:
 * <ul>
 * <li>TRACE is refused everywhere (it would echo the credentials back).</li>
 * <li>{@code /system/console} and {@code /api/v1} need the admin's Basic credentials; failed logins are logged (user
 *     and address, never the password) and throttled ({@link LoginThrottle}). {@code /health} checks credentials only
 *     when sent, and then shows its details.</li>
 * <li>Changes (any method but GET, HEAD, OPTIONS) to either surface must come from this server's own pages, and
 *     console changes must carry the {@link ConsoleToken}: a forged cross-site form changes nothing.</li>
 * </ul>
 */
@Component(service = Preprocessor.class)
public class AdminSurfaceGuard implements Preprocessor {

    /** Request attribute set to {@code Boolean.TRUE} when the request carried the admin's valid credentials. */
    public static final String AUTHENTICATED_ADMIN = "org.seamline.admin.authenticated";

    static final String CONSOLE = "/system/console";
    static final String HEALTH = "/health";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final int MAX_LOGGED_USER_LENGTH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(AdminSurfaceGuard.class);

    private final AdminCredentials credentials;
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private final ConsoleToken consoleToken = new ConsoleToken();

    @Activate
    public AdminSurfaceGuard(BundleContext context) {
        this.credentials = new AdminCredentials(context.getProperty("seamline.admin.password.hash"));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String method = request.getMethod();
        if ("TRACE".equals(method) || "TRACK".equals(method)) {
            refuse(request, response, 405, "method_not_allowed", method + " is not supported");
            return;
        }
        String path = path(request);
        boolean console = isUnder(path, CONSOLE);
        boolean health = path.equals(HEALTH);
        if (!console && !health && !isUnder(path, ApiContext.PATH)) {
            chain.doFilter(request, response);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null || !health) {
            if (!authenticated(request, response, authorization, path)) {
                return;
            }
            request.setAttribute(AUTHENTICATED_ADMIN, Boolean.TRUE);
        }
        if (!health && !SAFE_METHODS.contains(method)) {
            if (!RequestOrigin.isSameOrigin(request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Referer"))) {
                refuse(request, response, 403, "cross_origin", "changes are accepted only from this server's own pages");
                return;
            }
            if (console && !consoleToken.isPresentIn(request)) {
                refuse(request, response, 403, "console_token_missing",
                        "open a console page first (its cookie " + ConsoleToken.COOKIE + " is required for changes)");
                return;
            }
        }
        if (console && !consoleToken.isPresentIn(request)) {
            response.addHeader("Set-Cookie", consoleToken.setCookieHeader(CONSOLE));
        }
        if (console && "OPTIONS".equals(method)) {
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            response.setStatus(204);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean authenticated(HttpServletRequest request, HttpServletResponse response, String authorization, String path)
            throws IOException {
        String claimed = AdminCredentials.claimedUser(authorization);
        String user = claimed == null ? "(no Basic credentials)" : claimed;
        String address = request.getRemoteAddr();
        Optional<Duration> wait = authorization == null ? Optional.empty() : throttle.refusal(user, address);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds() + 1)));
            refuse(request, response, 429, "too_many_attempts", "too many failed logins; retry later");
            return false;
        }
        if (credentials.accepts(authorization)) {
            throttle.succeeded(user, address);
            return true;
        }
        if (authorization != null) {
            throttle.failed(user, address);
            LOG.warn("Failed login for user '{}' from {} on {} {}", printable(user), address, request.getMethod(), path);
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Seamline\", charset=\"UTF-8\"");
        refuse(request, response, 401, "unauthorized", "HTTP Basic credentials of the admin user are required");
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String message) throws IOException {
        RequestBodies.closeIfUnread(request, response);
        JsonResponses.error(response, status, code, message);
    }

    /** The decoded path the servlet whiteboard resolves, so an encoded form of a guarded path is guarded too. */
    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return request.getPathInfo() == null ? servletPath : servletPath + request.getPathInfo();
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** A user name as typed by anyone: no line breaks or control characters into the log, and not too long. */
    private static String printable(String user) {
        String clean = user.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_LOGGED_USER_LENGTH ? clean.substring(0, MAX_LOGGED_USER_LENGTH) + "…" : clean;
    }
}
