package org.seamline.core.plugins;

import java.util.List;

/**
 * A deployed plugin (a bundle, or a route file): what {@code GET /api/v1/plugins} shows.
 *
 * @param id        the bundle's symbolic name, or a route file's file name
 * @param kind      {@code channel} or {@code crm}, from the bundle's {@code Seamline-Plugin} header; {@code route} for a
 *                  route file
 * @param state     the bundle state: ACTIVE, RESOLVED, INSTALLED, STARTING, STOPPING; a route file is ACTIVE or FAILED
 * @param health    UP, DEGRADED or DOWN from its instances; UNCONFIGURED when it has none
 * @param instances the configured instances and their health
 */
public record PluginInfo(String id, String name, String kind, String version, String state, String health,
                         List<Instance> instances) {

    /** One configured instance of a plugin. */
    public record Instance(String name, String health, String detail) {
    }
}
