package org.seamline.context;

import java.time.Instant;

/** One profile attribute with where it came from ({@code api/shop}, {@code admin}, a CRM) and when it last changed. */
public record ProfileAttribute(String name, String value, String source, Instant updatedAt) {
}
