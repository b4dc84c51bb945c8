package org.seamline.core.users.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.seamline.core.users.UserException;

/** What user names, team names and passwords must look like. */
final class Names {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 1024;
    /** Plain characters only, so two names that look alike are alike; compared in lower case. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private Names() {
    }

    /** The form a user name is stored and looked up under. */
    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    static String username(String username) throws UserException {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new UserException(UserException.Kind.INVALID,
                    "'username' must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return username;
    }

    static List<String> teams(List<String> teams) throws UserException {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String team : teams) {
            if (team == null || !NAME.matcher(team).matches()) {
                throw new UserException(UserException.Kind.INVALID,
                        "each team must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
            }
            unique.add(key(team));
        }
        if (unique.size() > 100) {
            throw new UserException(UserException.Kind.INVALID, "a user belongs to at most 100 teams");
        }
        return new ArrayList<>(unique);
    }

    /** At least 12 characters and not the user name in any case. */
    static String password(String password, String username) throws UserException {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new UserException(UserException.Kind.INVALID, "'password' must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new UserException(UserException.Kind.INVALID, "'password' must have at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new UserException(UserException.Kind.INVALID, "'password' must not be the user name");
        }
        return password;
    }
}
