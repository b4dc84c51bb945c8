package org.seamline.core.config;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates, reads, changes and removes plugin instances. An instance is its file {@code etc/<factoryPid>-<name>.cfg},
 * as when an admin writes it by hand: the file stays the one source, the platform picks every change up from it,
 * and a change made here survives a restart.
 */
@ProviderType
public interface PluginSettings {

    /** The configurable kinds of instance of every deployed plugin, labelled in {@code locale} where the plugin can. */
    List<SettingsForm> forms(Locale locale);

    List<InstanceSettings> instances(String factoryPid) throws SettingsException, IOException;

    Optional<InstanceSettings> instance(String factoryPid, String name) throws SettingsException, IOException;

    /**
     * Creates the instance ({@code revision} null) or changes it ({@code revision} as last read). {@code values}
     * holds each setting's values; a setting left out keeps its value, or its default on creation; a secret sent
     * empty keeps its value.
     */
    InstanceSettings save(String factoryPid, String name, Map<String, List<String>> values, String revision, String actor)
            throws SettingsException, IOException;

    void delete(String factoryPid, String name, String revision, String actor) throws SettingsException, IOException;
}
