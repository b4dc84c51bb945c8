package org.seamline.crm.hubspot;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where each call goes for the configured API version: {@code v3} keeps the legacy {@code /crm/v3/objects/{type}},
 * a date version such as {@code 2026-03} uses {@code /crm/objects/2026-03/{type}}. Owners stay on
 * {@code /crm/v3/owners} in both.
 */
record ApiPaths(URI base, String version) {

    private static final Pattern DATE_VERSION = Pattern.compile("20\\d{2}-(0[1-9]|1[0-2])");

    static ApiPaths of(URI base, String version) {
        if (!version.equals("v3") && !DATE_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("apiVersion must be v3 or a date version such as 2026-03");
        }
        return new ApiPaths(base, version);
    }

    URI objects(String type) {
        return URI.create(base + prefix() + type);
    }

    /** A record by its id or by a unique property's value, which is escaped as one path segment. */
    URI object(String type, String idOrValue, String query) {
        return URI.create(base + prefix() + type + "/" + segment(idOrValue) + (query == null ? "" : "?" + query));
    }

    URI search(String type) {
        return URI.create(base + prefix() + type + "/search");
    }

    URI owner(String id) {
        return URI.create(base + "/crm/v3/owners/" + segment(id));
    }

    private String prefix() {
        return version.equals("v3") ? "/crm/v3/objects/" : "/crm/objects/" + version + "/";
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
