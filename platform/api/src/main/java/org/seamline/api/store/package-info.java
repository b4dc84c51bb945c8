/** Tables a plugin owns in the platform's database, with their migrations. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seamline.api.store;
