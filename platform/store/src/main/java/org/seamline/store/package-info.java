/** The platform's persistence services: the pooled database and the durable inbox. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.2.0")
package org.seamline.store;
