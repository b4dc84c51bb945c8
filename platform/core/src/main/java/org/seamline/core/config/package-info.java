/**
 * Plugin instances configured through the API and the console: forms generated from each plugin's metatype, values
 * read from and written to the instance's file in {@code etc/}, secrets never sent back.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seamline.core.config;
