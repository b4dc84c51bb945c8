package org.seamline.core.plugins;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugins that are not bundles, such as route files in deploy/: each service of this type adds its entries to what
 * {@link PluginRegistry#plugins()} lists. They are deployed and removed through their files, not the registry.
 */
@ConsumerType
public interface PluginSource {

    /** The entries now, e.g. {@code state} ACTIVE or FAILED with the reason as the one instance's detail. */
    List<PluginInfo> plugins();
}
