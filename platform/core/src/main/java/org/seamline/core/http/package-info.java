/** HTTP helpers for webhook and REST servlets: JSON bodies, JSON errors, bounded request reading. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.seamline.core.http;
