package org.seamline.core.plugins;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The deployed plugins, read live from the framework. */
@ProviderType
public interface PluginRegistry {

    /** Bundle manifest header that marks a plugin and names its kind. */
    String HEADER = "Seamline-Plugin";

    List<PluginInfo> plugins();
}
