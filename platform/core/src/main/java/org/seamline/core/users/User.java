package org.seamline.core.users;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password or its hash. */
public record User(String username, Role role, List<String> teams, boolean disabled, Instant createdAt, Instant updatedAt) {

    public User {
        teams = List.copyOf(teams);
    }
}
