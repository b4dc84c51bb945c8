package org.seamline.twilio.standin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** HTTP Basic credentials Twilio accepts for an account: AccountSid/AuthToken, or an API key SK…/secret. */
final class Credentials {

    private final String accountSid;
    private final String authToken;
    private final Map<String, String> apiKeySecrets = new ConcurrentHashMap<>();

    Credentials(String accountSid, String authToken) {
        this.accountSid = accountSid;
        this.authToken = authToken;
    }

    void addApiKey(String keySid, String secret) {
        apiKeySecrets.put(keySid, secret);
    }

    /** True when {@code authorization} is a Basic header that may act on the account {@code pathAccountSid}. */
    boolean allows(String authorization, String pathAccountSid) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || !accountSid.equals(pathAccountSid)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String expected = username.equals(pathAccountSid) ? authToken : apiKeySecrets.get(username);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    }
}
