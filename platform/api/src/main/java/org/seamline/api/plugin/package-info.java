/** What every plugin instance needs from its factory configuration: its name and resolved secrets. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.seamline.api.plugin;
