/** The durable change feed: what happened in the customer context since a position a reader keeps. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.seamline.api.feed;
