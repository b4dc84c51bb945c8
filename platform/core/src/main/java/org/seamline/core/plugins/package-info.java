/** The registry of deployed channel and CRM plugins. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.seamline.core.plugins;
