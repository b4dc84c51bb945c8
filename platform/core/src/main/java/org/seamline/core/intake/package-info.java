/** What the platform checks at intake, before a message is stored, for parts the core itself cannot judge. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seamline.core.intake;
