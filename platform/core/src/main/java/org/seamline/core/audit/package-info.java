/**
 * The audit trail of admin actions: users and tokens, plugins and their instances, and (read from their own tables)
 * customer merges, unmerges and erasures. Entries never hold a password, a token or message content.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seamline.core.audit;
