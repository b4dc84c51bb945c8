/** The customer-context service: customers recognised across channels and their identities. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.4.0")
package org.seamline.context;
