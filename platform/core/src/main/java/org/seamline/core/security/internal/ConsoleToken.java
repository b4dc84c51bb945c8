package org.seamline.core.security.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The web console's anti-forgery token: a random value, new on every start, handed to the admin's browser as a
 * {@code SameSite=Strict; HttpOnly} cookie on any console page and required on every console change. A forged page
 * on another site cannot read it, and the browser does not send it along with that page's requests.
 */
final class ConsoleToken {

    static final String COOKIE = "seamline-console";
    private static final int RANDOM_BYTES = 32;

    private final String value;

    ConsoleToken() {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        this.value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    boolean isPresentIn(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && MessageDigest.isEqual(
                    value.getBytes(StandardCharsets.US_ASCII), cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    String setCookieHeader(String path) {
        return COOKIE + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict";
    }
}
