/** The authenticated servlet context under which the REST API is served, and the admin's start-up credentials. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.seamline.core.security;
