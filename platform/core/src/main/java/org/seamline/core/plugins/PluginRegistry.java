package org.seamline.core.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The deployed plugins, read live from the framework, and their deployment: install, stop, start, remove. */
@ProviderType
public interface PluginRegistry {

    /** Bundle manifest header that marks a plugin and names its kind. */
    String HEADER = "Seamline-Plugin";

    List<PluginInfo> plugins();

    Optional<PluginInfo> plugin(String id);

    /**
     * Deploys a plugin jar: checked to be a bundle carrying {@value #HEADER}, then placed in deploy/ (replacing the
     * file of a deployed plugin with the same id, which upgrades it) where the platform installs and starts it, as it
     * does after a restart. Answers the plugin once installed.
     *
     * @param jar a file the caller owns; it is moved, not copied
     * @throws PluginException INVALID for a jar that is not a plugin bundle, PENDING when not installed in time
     */
    PluginInfo deploy(Path jar) throws IOException, PluginException;

    /** Starts a stopped plugin (its instances come back); empty when no plugin has that id. */
    Optional<PluginInfo> start(String id) throws PluginException;

    /** Stops a plugin until it is started again or the platform restarts; empty when no plugin has that id. */
    Optional<PluginInfo> stop(String id) throws PluginException;

    /** Removes a plugin and its jar from deploy/; false when no plugin has that id. */
    boolean remove(String id) throws IOException, PluginException;
}
