package org.seamline.crm.hubspot;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.seamline.api.plugin.PluginInstances;

/**
 * The validated settings of one instance, replaced whole on a change. {@link #toString()} shows the host and the API
 * version, never the token or the client secret.
 *
 * @param clientSecret null when webhooks are not set up
 * @param webhookUrl   null when the platform's URL is the one HubSpot signs
 * @param segmentProperty null when not mapped; likewise {@code tagsProperty}
 */
record HubSpotSettings(URI baseUrl, String token, ApiPaths paths, String clientSecret, String webhookUrl,
                       String segmentProperty, String tagsProperty, String interactionIdProperty, String defaultRegion,
                       double requestsPerSecond, Duration timeout, Duration pollInterval, ZoneId dailyLimitZone) {

    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9_]{0,99}");

    static HubSpotSettings from(HubSpotConfiguration config) {
        String token = PluginInstances.resolvedSecret(strip(config.token()), "token");
        String secret = blank(config.webhookClientSecret()) ? null
                : PluginInstances.resolvedSecret(config.webhookClientSecret().strip(), "webhookClientSecret");
        String region = strip(config.defaultRegion()).toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("defaultRegion must be a two-letter country code such as RU");
        }
        if (!(config.requestsPerSecond() > 0) || config.requestsPerSecond() > 50) {
            throw new IllegalArgumentException("requestsPerSecond must be above 0 and at most 50");
        }
        if (config.timeoutMillis() < 100) {
            throw new IllegalArgumentException("timeoutMillis must be at least 100");
        }
        if (config.pollIntervalSeconds() < 1) {
            throw new IllegalArgumentException("pollIntervalSeconds must be at least 1");
        }
        String idProperty = property(config.interactionIdProperty(), "interactionIdProperty");
        if (idProperty == null) {
            throw new IllegalArgumentException("interactionIdProperty is required");
        }
        URI base = baseUrl(config.baseUrl());
        return new HubSpotSettings(base, token, ApiPaths.of(base, strip(config.apiVersion())), secret,
                webhookUrl(config.webhookUrl()), property(config.segmentProperty(), "segmentProperty"),
                property(config.tagsProperty(), "tagsProperty"), idProperty, region, config.requestsPerSecond(),
                Duration.ofMillis(config.timeoutMillis()), Duration.ofSeconds(config.pollIntervalSeconds()),
                zone(config.dailyLimitZone()));
    }

    private static URI baseUrl(String value) {
        URI uri;
        try {
            uri = URI.create(blank(value) ? "https://api.hubapi.com" : value.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http") && loopback(uri))) {
            throw new IllegalArgumentException("baseUrl must be https://host (plain http only on this machine)");
        }
        return uri;
    }

    private static String webhookUrl(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("webhookUrl must be an absolute URL");
            }
            return uri.toString().replaceAll("/+$", "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhookUrl must be the absolute URL set in the app's webhook settings");
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(blank(value) ? "UTC" : value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("dailyLimitZone must be a time zone such as UTC or Europe/Berlin");
        }
    }

    private static String property(String value, String setting) {
        if (blank(value)) {
            return null;
        }
        String name = value.strip();
        if (!PROPERTY.matcher(name).matches()) {
            throw new IllegalArgumentException(setting + " must be a property's internal name: lower case, digits, _");
        }
        return name;
    }

    private static boolean loopback(URI uri) {
        return "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "HubSpotSettings[" + baseUrl.getHost() + ", " + paths.version() + ", region " + defaultRegion + ", "
                + requestsPerSecond + "/s, webhooks " + (clientSecret == null ? "off" : "on") + ", token ****]";
    }
}
