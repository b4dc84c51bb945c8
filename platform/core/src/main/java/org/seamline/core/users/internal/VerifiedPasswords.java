package org.seamline.core.users.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers which name and password pairs were recently verified against which stored hash, so a script sending HTTP
 * Basic on every request pays for Argon2id once, not per request. Keys are an HMAC under a key of this process only
 * (no password is kept), and an entry counts only while the user's stored hash is the one it was verified against:
 * a changed password, on any node, is checked afresh.
 */
final class VerifiedPasswords {

    private static final int MAX_ENTRIES = 1_000;

    private final SecretKeySpec key;
    private final Map<String, String> verified = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    VerifiedPasswords() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    synchronized boolean isVerified(String usernameKey, String password, String storedHash) {
        String hash = verified.get(mac(usernameKey, password));
        return hash != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    synchronized void remember(String usernameKey, String password, String storedHash) {
        verified.put(mac(usernameKey, password), storedHash);
    }

    private String mac(String usernameKey, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(usernameKey.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return java.util.HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
