/** The authenticated servlet context under which the REST API is served, the admin's start-up credentials, and
 * re-checks of a long request's caller. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.seamline.core.security;
