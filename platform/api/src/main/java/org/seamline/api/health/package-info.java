/** Health reporting: components contribute, {@code GET /health} aggregates. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seamline.api.health;
