/** The platform's users, their roles and teams, API tokens and browser sessions. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.seamline.core.users;
