package org.seamline.crm.bitrix24;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.seamline.api.plugin.PluginInstances;

/**
 * The validated settings of one instance, replaced whole on a change. {@link #toString()} shows the portal's host,
 * never the webhook code or the application token.
 *
 * @param endpoint         {@code https://portal/rest/<user>/<code>/}: a secret, since the code is the credential
 * @param applicationToken null when the outgoing webhook is not set up
 */
record Bitrix24Settings(URI endpoint, String applicationToken, String defaultRegion, double requestsPerSecond,
                        Duration timeout, String segmentField, String tagsField) {

    private static final Pattern WEBHOOK_PATH = Pattern.compile("/rest/\\d+/[A-Za-z0-9]+/");
    private static final Pattern FIELD_CODE = Pattern.compile("UF_CRM_[A-Z0-9_]+");

    static Bitrix24Settings from(Bitrix24Configuration config) {
        String token = blank(config.applicationToken()) ? null
                : PluginInstances.resolvedSecret(config.applicationToken().strip(), "applicationToken");
        String region = config.defaultRegion() == null ? "" : config.defaultRegion().strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("defaultRegion must be a two-letter country code such as RU");
        }
        if (!(config.requestsPerSecond() > 0) || config.requestsPerSecond() > 50) {
            throw new IllegalArgumentException("requestsPerSecond must be above 0 and at most 50");
        }
        if (config.timeoutMillis() < 100) {
            throw new IllegalArgumentException("timeoutMillis must be at least 100");
        }
        return new Bitrix24Settings(endpoint(config.webhookUrl()), token, region, config.requestsPerSecond(),
                Duration.ofMillis(config.timeoutMillis()), field(config.segmentField(), "segmentField"),
                field(config.tagsField(), "tagsField"));
    }

    /** Messages name the setting, never echo the URL: it holds the webhook code. */
    private static URI endpoint(String value) {
        String url = PluginInstances.resolvedSecret(value == null ? null : value.strip(), "webhookUrl");
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhookUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("webhookUrl must be https://<portal>/rest/<user id>/<code>/ "
                    + "(plain http only on this machine)");
        }
        if (!WEBHOOK_PATH.matcher(uri.getRawPath()).matches()) {
            throw new IllegalArgumentException("webhookUrl must end in /rest/<user id>/<code>/, without a method name");
        }
        return uri;
    }

    private static String field(String value, String setting) {
        if (blank(value)) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!FIELD_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(setting + " must be a custom field code such as UF_CRM_SEGMENT");
        }
        return code;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    String host() {
        return endpoint.getHost();
    }

    @Override
    public String toString() {
        return "Bitrix24Settings[" + host() + ", region " + defaultRegion + ", " + requestsPerSecond + "/s]";
    }
}
