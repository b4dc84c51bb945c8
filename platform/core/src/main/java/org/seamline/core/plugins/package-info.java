/** The registry of deployed plugins: channel and CRM bundles, and what other {@link PluginSource}s add (route files). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.seamline.core.plugins;
