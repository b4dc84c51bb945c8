package org.seamline.crm.amocrm;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.seamline.api.plugin.PluginInstances;

/**
 * The validated settings of one instance, replaced whole on a change. Messages name the setting, never a value;
 * {@link #toString()} shows the account's host and which credential is configured, never a secret.
 *
 * @param seed          what the first token pair comes from; {@link AuthSeed#none()} once the vault holds one
 * @param webhookSecret null when webhooks are not set up
 * @param segmentField  a field id or code, null when none
 * @param keyFile       null: the platform's default location
 */
record AmoCrmSettings(URI accountUrl, String subdomain, String clientId, String clientSecret, String redirectUri,
                      AuthSeed seed, String webhookSecret, String defaultRegion, double requestsPerSecond,
                      Duration timeout, String segmentField, Duration pollInterval, Path keyFile) {

    /** amoCRM's documented limit per integration. */
    static final double MAX_REQUESTS_PER_SECOND = 7.0;
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{24,128}");
    private static final Pattern FIELD = Pattern.compile("[0-9]{1,18}|[A-Za-z][A-Za-z0-9_]{0,63}");

    static AmoCrmSettings from(AmoCrmConfiguration config) {
        URI url = accountUrl(config.accountUrl());
        String subdomain = blank(config.subdomain()) ? url.getHost().split("\\.")[0].toLowerCase(Locale.ROOT)
                : config.subdomain().strip().toLowerCase(Locale.ROOT);
        if (!SUBDOMAIN.matcher(subdomain).matches()) {
            throw new IllegalArgumentException("subdomain must be the account's subdomain, e.g. shop for shop.amocrm.ru");
        }
        AuthSeed seed = seed(config);
        String clientId = null;
        String clientSecret = null;
        String redirectUri = null;
        if (seed.kind() != AuthSeed.Kind.LONG_LIVED) {
            clientId = required(config.clientId(), "clientId");
            clientSecret = PluginInstances.resolvedSecret(strip(config.clientSecret()), "clientSecret");
            redirectUri = required(config.redirectUri(), "redirectUri");
            if (!redirectUri.startsWith("https://") && !redirectUri.startsWith("http://")) {
                throw new IllegalArgumentException("redirectUri must be the URL the integration was registered with");
            }
        }
        String secret = null;
        if (!blank(config.webhookSecret())) {
            secret = PluginInstances.resolvedSecret(config.webhookSecret().strip(), "webhookSecret");
            if (!SECRET.matcher(secret).matches()) {
                throw new IllegalArgumentException("webhookSecret must be 24-128 letters, digits, '-' or '_'");
            }
        }
        String region = config.defaultRegion() == null ? "" : config.defaultRegion().strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("defaultRegion must be a two-letter country code such as RU");
        }
        if (!(config.requestsPerSecond() > 0) || config.requestsPerSecond() > MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("requestsPerSecond must be above 0 and at most 7 (amoCRM's limit)");
        }
        if (config.timeoutMillis() < 100) {
            throw new IllegalArgumentException("timeoutMillis must be at least 100");
        }
        if (config.pollIntervalSeconds() < 0) {
            throw new IllegalArgumentException("pollIntervalSeconds must be 0 (off) or more");
        }
        String segment = blank(config.segmentField()) ? null : config.segmentField().strip();
        if (segment != null && !FIELD.matcher(segment).matches()) {
            throw new IllegalArgumentException("segmentField must be a custom field id or code");
        }
        Path keyFile = blank(config.keyFile()) ? null : Path.of(config.keyFile().strip());
        return new AmoCrmSettings(url, subdomain, clientId, clientSecret, redirectUri, seed, secret, region,
                config.requestsPerSecond(), Duration.ofMillis(config.timeoutMillis()), segment,
                Duration.ofSeconds(config.pollIntervalSeconds()), keyFile);
    }

    /** One of: a long-lived token, an authorization code, an initial refresh token, or none (tokens in the vault). */
    private static AuthSeed seed(AmoCrmConfiguration config) {
        int given = (blank(config.longLivedToken()) ? 0 : 1) + (blank(config.authorizationCode()) ? 0 : 1)
                + (blank(config.refreshToken()) ? 0 : 1);
        if (given > 1) {
            throw new IllegalArgumentException("set only one of longLivedToken, authorizationCode and refreshToken");
        }
        if (!blank(config.longLivedToken())) {
            return new AuthSeed(AuthSeed.Kind.LONG_LIVED,
                    PluginInstances.resolvedSecret(config.longLivedToken().strip(), "longLivedToken"));
        }
        if (!blank(config.authorizationCode())) {
            return new AuthSeed(AuthSeed.Kind.AUTHORIZATION_CODE,
                    PluginInstances.resolvedSecret(config.authorizationCode().strip(), "authorizationCode"));
        }
        if (!blank(config.refreshToken())) {
            return new AuthSeed(AuthSeed.Kind.REFRESH_TOKEN,
                    PluginInstances.resolvedSecret(config.refreshToken().strip(), "refreshToken"));
        }
        return AuthSeed.none();
    }

    private static URI accountUrl(String value) {
        if (blank(value)) {
            throw new IllegalArgumentException("accountUrl is required");
        }
        String text = value.strip();
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("accountUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("accountUrl must be https://<subdomain>.amocrm.ru (or .kommo.com), "
                    + "without a path; plain http only on this machine");
        }
        return uri;
    }

    private static String required(String value, String setting) {
        if (blank(value)) {
            throw new IllegalArgumentException(setting + " is required for OAuth (or set longLivedToken)");
        }
        return value.strip();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    boolean longLived() {
        return seed.kind() == AuthSeed.Kind.LONG_LIVED;
    }

    URI endpoint(String pathAndQuery) {
        return URI.create(accountUrl + pathAndQuery);
    }

    @Override
    public String toString() {
        return "AmoCrmSettings[" + accountUrl.getHost() + ", subdomain " + subdomain + ", "
                + (longLived() ? "long-lived token" : "OAuth client " + clientId) + ", seed " + seed.kind()
                + ", webhooks " + (webhookSecret == null ? "off" : "on") + ", region " + defaultRegion + ", "
                + requestsPerSecond + "/s]";
    }
}
