/** The normalised, immutable message model shared by every channel: inbound, outbound and delivery status. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.seamline.api.message;
