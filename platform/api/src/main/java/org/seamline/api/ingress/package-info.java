/** The durable, idempotent entry point every inbound message goes through. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.seamline.api.ingress;
