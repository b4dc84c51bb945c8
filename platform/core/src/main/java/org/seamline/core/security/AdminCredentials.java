package org.seamline.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks HTTP Basic credentials against the admin password the platform was started with. The launcher hands over
 * only a hash of the password (in the form Felix WebConsole uses), so the plain password never sits in framework
 * properties. The users in the store are the real check; this one stands in only while the store is unreachable, so
 * the admin can still read {@code /health}'s details and use the web console.
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
        String[] userAndPassword = basic(authorizationHeader);
        if (userAndPassword == null) {
            return false;
        }
        boolean userMatches = USER.equals(userAndPassword[0]);
        boolean passwordMatches = MessageDigest.isEqual(expectedDigest, sha256(userAndPassword[1]));
        return userMatches & passwordMatches;
    }

    /** The user name a Basic {@code Authorization} header claims (never its password), or null for any other header. */
    public static String claimedUser(String authorizationHeader) {
        String[] userAndPassword = basic(authorizationHeader);
        return userAndPassword == null ? null : userAndPassword[0];
    }

    /** {@code [user, password]} from a Basic {@code Authorization} header, or null for any other header. */
    public static String[] basic(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
