/**
 * The customer context for plugins: what a channel learned about a person (consent, unreachable addresses, service
 * windows) and what a CRM or integration reads and writes (find by identifier, attributes with their source, linked
 * identifiers).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.seamline.api.customer;
