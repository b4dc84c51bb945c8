package org.seamline.crm.hubspot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's v3 request signature: base64 of HMAC-SHA256, keyed with the app's client secret, over
 * {@code method + URI + raw body + X-HubSpot-Request-Timestamp}; a timestamp older than five minutes is refused.
 * The URI is the one HubSpot called, with the escapes HubSpot decodes before signing decoded.
 */
final class WebhookSignature {

    static final Duration WINDOW = Duration.ofMinutes(5);

    /** The escapes HubSpot's request-validation guide lists as decoded before signing. */
    private static final Map<String, String> DECODED = Map.ofEntries(Map.entry("%3A", ":"), Map.entry("%2F", "/"),
            Map.entry("%3F", "?"), Map.entry("%40", "@"), Map.entry("%21", "!"), Map.entry("%24", "$"),
            Map.entry("%27", "'"), Map.entry("%28", "("), Map.entry("%29", ")"), Map.entry("%2A", "*"),
            Map.entry("%2C", ","), Map.entry("%3B", ";"));

    private final byte[] secret;

    WebhookSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the timestamp is within the window of {@code now}: not older than five minutes, nor later by as much. */
    static boolean fresh(long timestampMillis, Instant now) {
        long age = now.toEpochMilli() - timestampMillis;
        return age <= WINDOW.toMillis() && -age <= WINDOW.toMillis();
    }

    boolean valid(String signature, String method, String uri, byte[] body, String timestamp) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(method, uri, body, timestamp).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    String sign(String method, String uri, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((method + decoded(uri)).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    static String decoded(String uri) {
        String result = uri;
        for (Map.Entry<String, String> escape : DECODED.entrySet()) {
            result = result.replace(escape.getKey(), escape.getValue())
                    .replace(escape.getKey().toLowerCase(), escape.getValue());
        }
        return result;
    }
}
