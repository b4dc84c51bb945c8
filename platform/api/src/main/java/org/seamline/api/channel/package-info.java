/** What a channel plugin implements so the platform can send through it and show its health. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.seamline.api.channel;
