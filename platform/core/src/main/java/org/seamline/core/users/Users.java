package org.seamline.core.users;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.store.Page;

/**
 * The platform's users. Names are unique whatever their case and are found in any case. Every change is audited
 * with its actor; passwords are kept only as Argon2id hashes. There is always at least one enabled admin.
 */
@ProviderType
public interface Users {

    User create(String username, String password, Role role, List<String> teams, String actor)
            throws SQLException, UserException;

    Page<User> list(int offset, int limit) throws SQLException;

    Optional<User> find(String username) throws SQLException;

    /** The names of the enabled users in the team, in name order whatever the case; empty for a team nobody is in. */
    List<String> members(String team) throws SQLException;

    /** Empty when there is no such user. */
    Optional<User> change(String username, UserChange change, String actor) throws SQLException, UserException;

    /** Deletes the user with its sessions and the tokens it created; false when there is no such user. */
    boolean delete(String username, String actor) throws SQLException, UserException;

    /** The enabled user with this name and password; empty for a wrong password, an unknown or a disabled user. */
    Optional<User> authenticate(String username, String password) throws SQLException;
}
