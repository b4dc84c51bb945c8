package org.seamline.core.users;

import java.sql.SQLException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Browser sessions, stored (hashed) in the database so every node knows them. A session ends when it has been idle
 * too long, when it reaches its maximum age, on sign-out, or when its user is disabled or deleted.
 */
@ProviderType
public interface Sessions {

    /** A session just opened: the cookie's value (never stored) and the token its changes must carry. */
    record Opened(String cookieValue, String csrfToken) {
    }

    Opened open(User user) throws SQLException;

    /** The signed-in user's principal for a cookie's value; empty when unknown or expired. */
    Optional<Principal> find(String cookieValue) throws SQLException;

    /**
     * As {@link #find}, but not counted as the user's activity: for re-checking a long-lived request (a live event
     * stream), which must not keep an idle session alive.
     */
    Optional<Principal> check(String cookieValue) throws SQLException;

    void close(String cookieValue) throws SQLException;
}
