package org.seamline.core.config;

import java.util.List;

/**
 * What one kind of plugin instance can be configured with, from the plugin's metatype: the console draws a form of it.
 *
 * @param factoryPid the configuration's factory PID, e.g. {@code org.seamline.channel.sms}
 * @param pluginId   the bundle that declares it
 */
public record SettingsForm(String factoryPid, String pluginId, String name, String description, List<Field> fields) {

    public SettingsForm {
        fields = List.copyOf(fields);
    }

    /**
     * One setting.
     *
     * @param type     {@code string}, {@code integer}, {@code long}, {@code double}, {@code boolean} or {@code password}
     * @param multiple whether it takes several values (a list)
     * @param defaults the default values; empty for secrets
     * @param options  the allowed values with their labels; empty when any value of the type is allowed
     */
    public record Field(String id, String name, String description, String type, boolean required, boolean multiple,
                        List<String> defaults, List<Option> options) {

        public Field {
            defaults = List.copyOf(defaults);
            options = List.copyOf(options);
        }

        public boolean secret() {
            return "password".equals(type);
        }
    }

    public record Option(String value, String label) {
    }
}
