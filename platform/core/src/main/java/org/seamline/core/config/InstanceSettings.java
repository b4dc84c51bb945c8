package org.seamline.core.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One plugin instance's settings as stored, without its secrets.
 *
 * @param values     every non-secret setting present, each as its list of values (one for a single-valued setting)
 * @param secretsSet the secret settings that have a value; their values never leave the server
 * @param revision   changes whenever the instance's file changes, by anyone: send it back with a change so that
 *                   a change made meanwhile is not overwritten
 */
public record InstanceSettings(String factoryPid, String name, Map<String, List<String>> values, Set<String> secretsSet,
                               String revision) {

    public InstanceSettings {
        values = Map.copyOf(values);
        secretsSet = Set.copyOf(secretsSet);
    }
}
