package org.seamline.core.users;

import java.util.List;

/** A change to a user; a null field stays as it is. */
public record UserChange(Role role, List<String> teams, String password, Boolean disabled) {

    public UserChange {
        teams = teams == null ? null : List.copyOf(teams);
    }
}
