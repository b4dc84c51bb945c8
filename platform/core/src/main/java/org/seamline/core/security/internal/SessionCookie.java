package org.seamline.core.security.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The browser's session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's
 * page sends it), {@code Path=/}, and {@code Secure} when the request came over TLS or the public URL is https.
 */
final class SessionCookie {

    static final String NAME = "seamline-session";

    private SessionCookie() {
    }

    /** The cookie's value in the request, or null. */
    static String valueIn(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** The cookie lives as long as the browser runs; the server ends the session before that. */
    static String set(String value, boolean secure) {
        return NAME + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
