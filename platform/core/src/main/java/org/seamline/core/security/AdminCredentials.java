package org.seamline.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks HTTP Basic credentials against the admin user. The launcher hands over only a hash of the password
 * (in the form Felix WebConsole uses), so the plain password never sits in framework properties.
 */
public final class AdminCredentials {

    public static final String USER = "admin";
    private static final String PREFIX = "{sha-256}";

    private final byte[] expectedDigest;

    public AdminCredentials(String passwordHash) {
        if (passwordHash == null || !passwordHash.startsWith(PREFIX)) {
            throw new IllegalArgumentException("admin password hash missing: start Seamline through its launcher");
        }
        this.expectedDigest = Base64.getDecoder().decode(passwordHash.substring(PREFIX.length()));
    }

    /** True when the {@code Authorization} header carries the admin user and password. */
    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userMatches = USER.equals(decoded.substring(0, colon));
        boolean passwordMatches = MessageDigest.isEqual(expectedDigest, sha256(decoded.substring(colon + 1)));
        return userMatches & passwordMatches;
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
