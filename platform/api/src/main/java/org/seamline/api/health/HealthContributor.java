package org.seamline.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the platform that {@code GET /health} asks. Register it as an OSGi service; a required contributor
 * that is DOWN (or missing) makes the whole platform report 503.
 */
@ConsumerType
public interface HealthContributor {

    /** Stable name shown in the health document, e.g. {@code store}. */
    String name();

    Health health();
}
