package org.seamline.core.users;

import java.util.Locale;

/** What a user may do, from least to most: each role may do everything the ones before it may. */
public enum Role {
    /** Reads everything it may see, changes nothing. */
    VIEWER,
    /** Works conversations and customers: replies, notes, assignments, consents. */
    AGENT,
    /** As an agent, plus dead letters and reading the users. */
    SUPERVISOR,
    /** Everything: plugins, users, tokens, the web console. */
    ADMIN;

    /** The name in JSON and in the store: {@code admin}, {@code agent}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role named {@code id}; an unknown name is the caller's mistake. */
    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be one of admin, supervisor, agent, viewer");
    }

    /** The lower of two roles: what a token may do for a creator who may since have been demoted. */
    public static Role lower(Role a, Role b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
