package org.seamline.crm.amocrm;

import java.time.Instant;

/**
 * An OAuth access and refresh token with the access token's expiry, and the fingerprint of the configured
 * credential they came from. {@link #toString()} never shows a token.
 */
record TokenPair(String accessToken, String refreshToken, Instant expiresAt, String seedFingerprint) {

    TokenPair {
        if (accessToken == null || accessToken.isBlank() || refreshToken == null || refreshToken.isBlank()
                || expiresAt == null) {
            throw new IllegalArgumentException("a token pair needs both tokens and an expiry");
        }
        seedFingerprint = seedFingerprint == null ? "" : seedFingerprint;
    }

    @Override
    public String toString() {
        return "TokenPair[expires " + expiresAt + "]";
    }
}
