/** What the live bundle offers the REST layer: agents' presence in conversations. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seamline.live;
