package org.seamline.core.security.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a browser sent a request from a page of this server. Browsers name the page's origin in {@code Origin}
 * (every cross-origin POST carries it), else in {@code Referer}; a request with neither comes from a script or tool,
 * not a forged page. Only host and port are compared, so a TLS-terminating proxy in front changes nothing.
 */
final class RequestOrigin {

    private RequestOrigin() {
    }

    static boolean isSameOrigin(String host, String origin, String referer) {
        if (origin != null) {
            return matches(host, origin);
        }
        return referer == null || matches(host, referer);
    }

    private static boolean matches(String host, String url) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            String authority = new URI(url.strip()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (URISyntaxException notAUrl) {
            return false; // includes "Origin: null" from sandboxed frames and file: pages
        }
    }
}
