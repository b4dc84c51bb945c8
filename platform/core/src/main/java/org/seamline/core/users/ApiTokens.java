package org.seamline.core.users;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * API tokens for integrations: random, shown once, stored as a SHA-256, revocable at once. A token acts for the user
 * who created it, with its own role or the creator's current role, whichever is lower.
 */
@ProviderType
public interface ApiTokens {

    /** Refused ({@link UserException.Kind#FORBIDDEN}) for a role above the creator's. */
    IssuedToken issue(String name, Role role, User creator) throws SQLException, UserException;

    List<ApiToken> list() throws SQLException;

    /** False when there is no such token. */
    boolean revoke(String id, String actor) throws SQLException;

    /** Who a presented token acts for and with which role; empty when unknown, revoked or its creator is gone. */
    Optional<Principal> authenticate(String token) throws SQLException;
}
