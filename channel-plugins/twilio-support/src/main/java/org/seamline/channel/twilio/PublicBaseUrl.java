package org.seamline.channel.twilio;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * The externally visible base URL Twilio calls, e.g. {@code https://hooks.example.com} or
 * {@code https://example.com/seamline} behind a proxy that strips {@code /seamline}. Signatures are checked against
 * this base plus the request's raw path and query, never against the URL the server sees behind a proxy.
 */
public final class PublicBaseUrl {

    private final String base;

    private PublicBaseUrl(String base) {
        this.base = base;
    }

    /** @throws IllegalArgumentException when the value is missing or not an absolute http(s) URL without a query */
    public static PublicBaseUrl of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("publicBaseUrl is required: Twilio signs the URL it calls, e.g. https://hooks.example.com");
        }
        String url = value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("publicBaseUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL without query or fragment");
        }
        return new PublicBaseUrl(url);
    }

    /** The URL Twilio requested: this base, the raw request path, and the raw query exactly as received. */
    public String urlOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return base + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** An absolute URL under this base for a path of ours, e.g. the status callback of a message. */
    public String resolve(String pathAndQuery) {
        return base + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
    }

    @Override
    public String toString() {
        return base;
    }
}
