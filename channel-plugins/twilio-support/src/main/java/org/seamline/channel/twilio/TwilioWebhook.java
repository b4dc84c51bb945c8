package org.seamline.channel.twilio;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.seamline.core.http.RequestBodies;

/**
 * One webhook request from Twilio: the form parameters decoded from the raw body, and what is needed to check its
 * {@code X-Twilio-Signature}. Unknown parameters are kept (they are part of the signature).
 */
public final class TwilioWebhook {

    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    public static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";

    private final Map<String, String> params;
    private final Map<String, String> query;
    private final boolean repeatedKeys;
    private final String signature;
    private final String idempotencyToken;

    private TwilioWebhook(Map<String, String> params, Map<String, String> query, boolean repeatedKeys, String signature,
                          String idempotencyToken) {
        this.params = params;
        this.query = query;
        this.repeatedKeys = repeatedKeys;
        this.signature = signature;
        this.idempotencyToken = idempotencyToken;
    }

    /**
     * Reads the body (at most {@code maxBytes}) and decodes it as a UTF-8 form.
     *
     * @throws org.seamline.core.http.PayloadTooLargeException when the body is larger
     */
    public static TwilioWebhook read(HttpServletRequest request, int maxBytes) throws IOException {
        byte[] body = RequestBodies.read(request, maxBytes);
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        boolean repeated = contentType.startsWith("application/x-www-form-urlencoded")
                && decodeForm(new String(body, StandardCharsets.ISO_8859_1), params);
        Map<String, String> query = new LinkedHashMap<>();
        decodeForm(request.getQueryString(), query);
        return new TwilioWebhook(Collections.unmodifiableMap(params), Collections.unmodifiableMap(query), repeated,
                request.getHeader(SIGNATURE_HEADER), request.getHeader(IDEMPOTENCY_HEADER));
    }

    /** Decodes {@code a=1&b=2} into {@code into}, first value of a name kept; true when a name was repeated. */
    private static boolean decodeForm(String form, Map<String, String> into) {
        boolean repeated = false;
        if (form == null) {
            return false;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            repeated |= into.putIfAbsent(name, value) != null;
        }
        return repeated;
    }

    /** Form bodies are ASCII on the wire; percent-escapes carry UTF-8. */
    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code X-Twilio-Signature} is Twilio's HMAC over {@code url} and the parameters, with the SDK's own
     * validator: both port variants (Twilio is inconsistent about {@code :443}) and a constant-time comparison.
     * A body that repeats a parameter name is refused: the SDK cannot represent it and Twilio's messaging and voice
     * webhooks never send one.
     */
    public boolean signedBy(String authToken, String url) {
        if (signature == null || signature.isBlank() || repeatedKeys) {
            return false;
        }
        return new RequestValidator(authToken).validate(url, params, signature);
    }

    /** A parameter's value, or null when absent. */
    public String param(String name) {
        return params.get(name);
    }

    /** A parameter's value, or null when absent or blank. */
    public String nonBlank(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** A parameter of the URL's query (ours: e.g. the message id in a status callback URL), or null. */
    public String queryParam(String name) {
        return query.get(name);
    }

    public Map<String, String> params() {
        return params;
    }

    /** Twilio's delivery id, the same on its retries of this webhook; null when absent. */
    public String idempotencyToken() {
        return idempotencyToken;
    }
}
