package org.seamline.core.users;

import java.time.Instant;

/** A token as it is listed: never the token itself. {@code lastUsedAt} is null until its first use. */
public record ApiToken(String id, String name, Role role, String createdBy, Instant createdAt, Instant lastUsedAt) {
}
