package org.seamline.channel.twilio;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.seamline.api.plugin.PluginInstances;

/**
 * The Twilio account a channel instance speaks for. The auth token is always needed, because Twilio signs webhooks
 * with it; an API key (SID + secret) may replace it for REST calls. {@link #toString()} never shows a secret.
 */
public final class TwilioAccount {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-fA-F]{32}");
    /** Where the SDK sends requests unless {@code apiBaseUrl} says otherwise. */
    public static final URI TWILIO_API = URI.create("https://api.twilio.com");

    private final String accountSid;
    private final String authToken;
    private final String apiKeySid;
    private final String apiKeySecret;
    private final URI apiBaseUrl;

    private TwilioAccount(String accountSid, String authToken, String apiKeySid, String apiKeySecret, URI apiBaseUrl) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.apiKeySid = apiKeySid;
        this.apiKeySecret = apiKeySecret;
        this.apiBaseUrl = apiBaseUrl;
    }

    /**
     * Checks and keeps the settings as configured. A secret whose {@code $[env:…]} or {@code $[secret:…]} placeholder
     * is not set is refused, never used as the secret.
     *
     * @param apiBaseUrl blank for Twilio itself, or a Twilio-compatible endpoint such as a local stand-in
     * @throws IllegalArgumentException naming the setting that is wrong, never echoing a secret
     */
    public static TwilioAccount of(String accountSid, String authToken, String apiKeySid, String apiKeySecret,
                                   String apiBaseUrl) {
        String sid = trimmed(accountSid);
        if (sid == null || !ACCOUNT_SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("accountSid must be AC followed by 32 hex digits");
        }
        String token = trimmed(authToken);
        if (token == null) {
            throw new IllegalArgumentException("authToken is required: Twilio signs every webhook with it");
        }
        PluginInstances.resolvedSecret(token, "authToken");
        String keySid = trimmed(apiKeySid);
        String keySecret = trimmed(apiKeySecret);
        if (keySecret != null) {
            PluginInstances.resolvedSecret(keySecret, "apiKeySecret");
        }
        if ((keySid == null) != (keySecret == null)) {
            throw new IllegalArgumentException("apiKeySid and apiKeySecret go together: set both or neither");
        }
        if (keySid != null && !API_KEY_SID.matcher(keySid).matches()) {
            throw new IllegalArgumentException("apiKeySid must be SK followed by 32 hex digits");
        }
        return new TwilioAccount(sid, token, keySid, keySecret, apiBase(apiBaseUrl));
    }

    private static URI apiBase(String value) {
        String url = trimmed(value);
        if (url == null) {
            return TWILIO_API;
        }
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("apiBaseUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getQuery() != null) {
            throw new IllegalArgumentException("apiBaseUrl must be an http(s) URL without a query, e.g. https://api.twilio.com");
        }
        return uri;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String accountSid() {
        return accountSid;
    }

    /** The secret webhooks are signed with. */
    public String authToken() {
        return authToken;
    }

    /** The user name of REST calls: the API key when one is set, else the account. */
    String restUser() {
        return apiKeySid != null ? apiKeySid : accountSid;
    }

    String restPassword() {
        return apiKeySecret != null ? apiKeySecret : authToken;
    }

    /** Where REST calls go: Twilio, or a compatible endpoint. */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    @Override
    public String toString() {
        return "TwilioAccount[" + accountSid + (apiKeySid != null ? ", key " + apiKeySid : "") + ", " + apiBaseUrl + "]";
    }
}
