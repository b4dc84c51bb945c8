package org.seamline.api.plugin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Rules every plugin instance follows for its factory configuration. */
public final class PluginInstances {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /**
     * Instance names in use, per factory PID, with the configuration that holds each. This class is loaded once, by
     * the API bundle, so every plugin bundle sees the same claims.
     */
    private static final Map<String, String> CLAIMS = new ConcurrentHashMap<>();

    private PluginInstances() {
    }

    /**
     * The instance name of a factory configuration: {@code etc/org.seamline.channel.api-shop.cfg} becomes the
     * configuration {@code org.seamline.channel.api~shop}, instance {@code shop}. It appears in URLs and folder
     * names, so it is kept plain.
     */
    public static String name(Map<String, Object> properties) {
        Object explicit = properties.get("instance");
        String name = explicit != null ? explicit.toString() : fromPid(String.valueOf(properties.get("service.pid")));
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("instance name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    /**
     * The instance name of a factory configuration, claimed for it: a second configuration of {@code factoryPid}
     * naming the same instance (for example with {@code instance=shop} in another file) is refused, so two
     * configurations can never serve one webhook path or both show as one healthy instance. Close the claim when
     * the instance stops.
     */
    public static Claim claim(String factoryPid, Map<String, Object> properties) {
        String name = name(properties);
        String pid = String.valueOf(properties.get("service.pid"));
        String key = factoryPid + "~" + name;
        String holder = CLAIMS.putIfAbsent(key, pid);
        if (holder != null && !holder.equals(pid)) {
            throw new IllegalArgumentException("instance name '" + name + "' is already used by configuration " + holder
                    + "; give this configuration another name");
        }
        return new Claim(key, pid, name);
    }

    /** An instance name held by one configuration until {@link #close()}. */
    public record Claim(String key, String pid, String name) implements AutoCloseable {
        @Override
        public void close() {
            CLAIMS.remove(key, pid);
        }
    }

    /**
     * A secret as configured. ConfigAdmin leaves {@code $[env:NAME]} as it is when NAME is not set: that text must
     * never become a key or a password, so it is refused, naming the setting but not the value.
     */
    public static String resolvedSecret(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is required");
        }
        if (value.contains("$[")) {
            throw new IllegalArgumentException(setting + " refers to a variable or secret that is not set");
        }
        return value;
    }

    private static String fromPid(String pid) {
        int tilde = pid.indexOf('~');
        return tilde < 0 ? null : pid.substring(tilde + 1);
    }
}
