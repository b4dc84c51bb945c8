package org.seamline.core.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.RequestBodies;
import org.seamline.core.security.AdminCredentials;
import org.seamline.core.security.ApiContext;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Role;
import org.seamline.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every request before any servlet, the web console's included, and guards the admin surfaces:
 * <ul>
 * <li>TRACE is refused everywhere (it would echo the credentials back).</li>
 * <li>{@code /system/console} and {@code /api/v1} need a user ({@link Credentials}: Basic, an API token or the
 *     session cookie); failed logins are logged (user and address, never the password) and throttled
 *     ({@link LoginThrottle}). {@code /health} checks credentials only when sent, and shows its details to an admin.
 *     The browser's sign-in ({@code POST /api/v1/session}) is the one request let through without them.</li>
 * <li>Each request is held to the user's role ({@link Permissions}): 403 for what the role may not do.</li>
 * <li>Changes (any method but GET, HEAD, OPTIONS) to either surface must come from this server's own pages; changes
 *     made with the session cookie must carry its CSRF token in {@value #CSRF_HEADER}, and console changes the
 *     {@link ConsoleToken}: a forged cross-site form changes nothing.</li>
 * </ul>
 * While the store is unreachable there are no users to check: the admin password the platform was started with then
 * opens {@code /health}'s details and the console, and the API answers 503.
 */
@Component(service = Preprocessor.class)
public class AdminSurfaceGuard implements Preprocessor {

    /** Request attribute set to {@code Boolean.TRUE} when the request carried an admin's valid credentials. */
    public static final String AUTHENTICATED_ADMIN = "org.seamline.admin.authenticated";
    static final String CSRF_HEADER = "X-CSRF-Token";

    static final String CONSOLE = "/system/console";
    static final String HEALTH = "/health";
    static final String SESSION = ApiContext.PATH + "/session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = LoggerFactory.getLogger(AdminSurfaceGuard.class);

    private final AdminCredentials startCredentials;
    private final LoginThrottle throttle;
    private final ConsoleToken consoleToken = new ConsoleToken();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Credentials credentials;

    @Activate
    public AdminSurfaceGuard(BundleContext context, @Reference LoginThrottle throttle) {
        this.startCredentials = new AdminCredentials(context.getProperty("seamline.admin.password.hash"));
        this.throttle = throttle;
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
        boolean signIn = path.equals(SESSION) && "POST".equals(method);
        Principal principal = null;
        if (signIn) {
            request.setAttribute(ApiContext.SIGN_IN, Boolean.TRUE);
        } else if (request.getHeader("Authorization") != null || !health) {
            principal = authenticate(request, response, method, path, console || health);
            if (principal == null) {
                return;
            }
            request.setAttribute(Principal.ATTRIBUTE, principal);
            if (principal.role() == Role.ADMIN) {
                request.setAttribute(AUTHENTICATED_ADMIN, Boolean.TRUE);
            }
            if (!health && !Permissions.allows(principal.role(), method, path)) {
                refuse(request, response, 403, "forbidden", "the role " + principal.role().id() + " may not "
                        + (SAFE_METHODS.contains(method) ? "read this" : "change this"));
                return;
            }
        }
        if (!health && !SAFE_METHODS.contains(method)) {
            if (!RequestOrigin.isSameOrigin(request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Referer"))) {
                refuse(request, response, 403, "cross_origin", "changes are accepted only from this server's own pages");
                return;
            }
            if (principal != null && principal.via() == Principal.Via.SESSION && !console
                    && !sameSecret(principal.csrfToken(), request.getHeader(CSRF_HEADER))) {
                refuse(request, response, 403, "csrf_token_missing",
                        "changes made with the session cookie need the session's CSRF token in " + CSRF_HEADER);
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

    /** The caller, or null once the refusal (401, 429 or 503) is written. */
    private Principal authenticate(HttpServletRequest request, HttpServletResponse response, String method, String path,
            boolean startCredentialsWork) throws IOException {
        Credentials current = credentials;
        String where = method + " " + path;
        LoginThrottle.Attempt<Principal> attempt;
        try {
            if (current != null) {
                attempt = current.of(request, where);
            } else if (startCredentialsWork) {
                attempt = withStartCredentials(request, where);
            } else {
                refuse(request, response, 503, "store_unavailable", "the store is unavailable right now; retry later");
                return null;
            }
        } catch (SQLException e) {
            LOG.warn("Could not check credentials: {}", StoreFailures.describe(e));
            refuse(request, response, 503, "store_unavailable", "the store is unavailable right now; retry later");
            return null;
        }
        if (attempt.retryAfter().isPresent()) {
            Duration wait = attempt.retryAfter().get();
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds() + 1)));
            refuse(request, response, 429, "too_many_attempts", "too many failed logins; retry later");
            return null;
        }
        if (attempt.accepted().isPresent()) {
            return attempt.accepted().get();
        }
        // A page's own scripts (fetch, EventSource: Sec-Fetch-Dest "empty") get no Basic challenge, which would pop the
        // browser's password dialog over the console's sign-in form; scripts and address-bar visits still get it.
        if (!"empty".equals(request.getHeader("Sec-Fetch-Dest"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Seamline\", charset=\"UTF-8\"");
        }
        refuse(request, response, 401, "unauthorized",
                "credentials are required: HTTP Basic, an API token (Bearer) or a signed-in session");
        return null;
    }

    private LoginThrottle.Attempt<Principal> withStartCredentials(HttpServletRequest request, String where) throws SQLException {
        String authorization = request.getHeader("Authorization");
        String claimed = AdminCredentials.claimedUser(authorization);
        return throttle.attempt(claimed == null ? "(no Basic credentials)" : claimed, request.getRemoteAddr(), where,
                () -> startCredentials.accepts(authorization)
                        ? Optional.of(new Principal(AdminCredentials.USER, Role.ADMIN, Principal.Via.BASIC, null))
                        : Optional.empty());
    }

    private static boolean sameSecret(String expected, String presented) {
        return expected != null && presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
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
}
