package org.seamline.channel.api;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The instance name of a factory configuration: {@code etc/org.seamline.channel.api-shop.cfg} becomes the
 * configuration {@code org.seamline.channel.api~shop}, instance {@code shop}. It appears in URLs, so it is kept plain.
 */
final class InstanceName {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private InstanceName() {
    }

    static String of(Map<String, Object> properties) {
        Object explicit = properties.get("instance");
        String name = explicit != null ? explicit.toString() : fromPid(String.valueOf(properties.get("service.pid")));
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("instance name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    private static String fromPid(String pid) {
        int tilde = pid.indexOf('~');
        return tilde < 0 ? null : pid.substring(tilde + 1);
    }
}
