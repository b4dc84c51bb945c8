/** The authenticated servlet context under which the REST API is served. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.seamline.core.security;
