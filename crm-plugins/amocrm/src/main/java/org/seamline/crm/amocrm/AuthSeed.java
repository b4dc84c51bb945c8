package org.seamline.crm.amocrm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The credential the configuration gives: where the first token pair comes from. A code or refresh token is used
 * once; the vault then remembers its {@link #fingerprint()}, so the same configuration is not used again after a
 * restart, while a new code an admin enters is.
 */
record AuthSeed(Kind kind, String value) {

    enum Kind { NONE, AUTHORIZATION_CODE, REFRESH_TOKEN, LONG_LIVED }

    static AuthSeed none() {
        return new AuthSeed(Kind.NONE, null);
    }

    /** A one-way digest of the credential: safe to keep, useless to anyone who reads it. */
    String fingerprint() {
        if (value == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AuthSeed[" + kind + "]";
    }
}
