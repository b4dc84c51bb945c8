package org.seamline.core.users.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.seamline.core.audit.internal.AuditRows;
import org.seamline.core.users.Role;
import org.seamline.core.users.User;
import org.seamline.core.users.UserChange;
import org.seamline.core.users.UserException;
import org.seamline.core.users.Users;
import org.seamline.store.Database;
import org.seamline.store.Page;
import org.seamline.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users in the platform's store. Changes that could leave no enabled admin lock every enabled admin's row first, so
 * two admins demoting each other at once (on one node or two) cannot both succeed.
 */
@Component(service = Users.class)
public class JdbcUsers implements Users {

    /** The user the first start creates from the launcher's admin password. */
    public static final String INITIAL_ADMIN = "admin";
    static final String SYSTEM_ACTOR = "system";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcUsers.class);
    private static final String COLUMNS = "username_key, username, password_hash, role, disabled, created_at, updated_at";

    private final Database database;
    private final PasswordHasher hasher;
    private final VerifiedPasswords verified = new VerifiedPasswords();
    /** Checked against when the user is unknown, so a wrong name takes as long as a wrong password. */
    /** Hashed on the first sign-in of an unknown user, not at start: a hash costs a good part of a second. */
    private volatile String decoyHash;

    /**
     * {@code adminPassword} is the launcher's one-time hand-over of the admin password (absent when the framework was
     * not started by the launcher); {@code seamline.admin.reset=true} makes it replace a changed one.
     */
    @Activate
    public JdbcUsers(@Reference Database database, BundleContext context,
            @Reference(target = "(seamline.handover=admin.password)", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Supplier<String> adminPassword) {
        this(database, new PasswordHasher());
        String password = adminPassword == null ? null : adminPassword.get();
        if (password != null) {
            try {
                seedAdmin(password, Boolean.parseBoolean(context.getProperty("seamline.admin.reset")));
            } catch (SQLException e) {
                LOG.error("Could not create the admin user ({}); restart once the store works", StoreFailures.describe(e));
            }
        }
    }

    JdbcUsers(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
    }

    /**
     * On the first start (no user at all) creates {@code admin} with this password; with {@code reset}, gives
     * {@code admin} this password, the admin role and enables it, creating it if it was deleted. Otherwise leaves
     * every user as it is, so a password changed since is kept.
     */
    void seedAdmin(String password, boolean reset) throws SQLException {
        if (!reset && database.read(JdbcUsers::count) > 0) {
            return; // the usual start: users exist, and the password is not hashed for nothing
        }
        String hash = hasher.hash(password);
        try {
            database.inTransaction(c -> {
                Optional<Row> existing = row(c, Names.key(INITIAL_ADMIN), true);
                if (existing.isPresent() && reset) {
                    update(c, existing.get().key(), hash, Role.ADMIN, false);
                    deleteSessions(c, existing.get().key());
                    AuditRows.insert(c, SYSTEM_ACTOR, "user.reset", INITIAL_ADMIN, "password and role reset at start");
                } else if (existing.isEmpty() && (reset || count(c) == 0)) {
                    insert(c, INITIAL_ADMIN, hash, Role.ADMIN, List.of());
                    AuditRows.insert(c, SYSTEM_ACTOR, "user.created", INITIAL_ADMIN, "initial admin");
                }
                return null;
            });
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            // another node sharing this database created the admin at the same moment: it is there
        }
    }

    @Override
    public User create(String username, String password, Role role, List<String> teams, String actor)
            throws SQLException, UserException {
        Names.username(username);
        Names.password(password, username);
        List<String> cleanTeams = Names.teams(teams);
        String hash = hasher.hash(password);
        try {
            return database.inTransaction(c -> {
                if (row(c, Names.key(username), false).isPresent()) {
                    throw taken();
                }
                User user = insert(c, username, hash, role, cleanTeams);
                AuditRows.insert(c, actor, "user.created", username, "role " + role.id() + ", teams " + cleanTeams);
                return user;
            });
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                throw taken();
            }
            throw e;
        }
    }

    @Override
    public Page<User> list(int offset, int limit) throws SQLException {
        return database.read(c -> {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM platform_user");
                 ResultSet r = count.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
            List<User> users = new ArrayList<>();
            try (PreparedStatement page = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM platform_user ORDER BY username_key OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                page.setInt(1, offset);
                page.setInt(2, limit);
                try (ResultSet r = page.executeQuery()) {
                    while (r.next()) {
                        users.add(Row.of(r).user(List.of()));
                    }
                }
            }
            List<User> withTeams = new ArrayList<>();
            for (User user : users) {
                withTeams.add(new User(user.username(), user.role(), teams(c, Names.key(user.username())), user.disabled(),
                        user.createdAt(), user.updatedAt()));
            }
            return new Page<>(withTeams, total, offset, limit);
        });
    }

    @Override
    public Optional<User> find(String username) throws SQLException {
        return database.read(c -> user(c, Names.key(username)));
    }

    @Override
    public List<String> members(String team) throws SQLException {
        return database.read(c -> {
            List<String> members = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT u.username FROM platform_user u "
                    + "JOIN platform_user_team t ON t.username_key = u.username_key "
                    + "WHERE t.team = ? AND u.disabled = FALSE ORDER BY u.username_key")) {
                select.setString(1, Names.key(team));
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        members.add(r.getString(1));
                    }
                }
            }
            return members;
        });
    }

    @Override
    public Optional<User> change(String username, UserChange change, String actor) throws SQLException, UserException {
        if (change.password() != null) {
            Names.password(change.password(), username);
        }
        List<String> teams = change.teams() == null ? null : Names.teams(change.teams());
        String newHash = change.password() == null ? null : hasher.hash(change.password());
        return database.inTransaction(c -> {
            List<String> admins = lockEnabledAdmins(c);
            Optional<Row> locked = row(c, Names.key(username), true);
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            Row row = locked.get();
            Role role = change.role() == null ? row.role() : change.role();
            boolean disabled = change.disabled() == null ? row.disabled() : change.disabled();
            if (admins.equals(List.of(row.key())) && (role != Role.ADMIN || disabled)) {
                throw lastAdmin();
            }
            update(c, row.key(), newHash == null ? row.hash() : newHash, role, disabled);
            if (teams != null) {
                replaceTeams(c, row.key(), teams);
            }
            if (newHash != null || disabled) {
                deleteSessions(c, row.key()); // a new password or a disabled account signs out every browser
            }
            AuditRows.insert(c, actor, "user.changed", row.username(), describe(change, row, role, disabled, teams));
            return user(c, row.key());
        });
    }

    @Override
    public boolean delete(String username, String actor) throws SQLException, UserException {
        return database.inTransaction(c -> {
            List<String> admins = lockEnabledAdmins(c);
            Optional<Row> locked = row(c, Names.key(username), true);
            if (locked.isEmpty()) {
                return false;
            }
            String key = locked.get().key();
            if (admins.equals(List.of(key))) {
                throw lastAdmin();
            }
            deleteSessions(c, key);
            execute(c, "DELETE FROM api_token WHERE created_by = ?", key);
            execute(c, "DELETE FROM platform_user_team WHERE username_key = ?", key);
            execute(c, "DELETE FROM platform_user WHERE username_key = ?", key);
            AuditRows.insert(c, actor, "user.deleted", locked.get().username(), null);
            return true;
        });
    }

    /** A hash no password matches, so an unknown user costs what a known one does. */
    private String decoy() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash(Secrets.random());
            decoyHash = hash;
        }
        return hash;
    }

    @Override
    public Optional<User> authenticate(String username, String password) throws SQLException {
        if (username == null || password == null || username.length() > 64 || password.length() > Names.MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        String key = Names.key(username);
        Optional<Row> found = database.read(c -> row(c, key, false));
        if (found.isEmpty()) {
            hasher.verify(password, decoy());
            return Optional.empty();
        }
        Row row = found.get();
        boolean matches = verified.isVerified(key, password, row.hash()) || hasher.verify(password, row.hash());
        if (!matches || row.disabled()) {
            return Optional.empty();
        }
        verified.remember(key, password, row.hash());
        return Optional.of(row.user(List.of()));
    }

    /** The user with its teams, for a caller already in a transaction. */
    static Optional<User> user(Connection c, String key) throws SQLException {
        Optional<Row> row = row(c, key, false);
        return row.isEmpty() ? Optional.empty() : Optional.of(row.get().user(teams(c, key)));
    }

    private static Optional<Row> row(Connection c, String key, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM platform_user WHERE username_key = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, key);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(Row.of(r)) : Optional.empty();
            }
        }
    }

    private static List<String> teams(Connection c, String key) throws SQLException {
        List<String> teams = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT team FROM platform_user_team WHERE username_key = ? ORDER BY team")) {
            select.setString(1, key);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    teams.add(r.getString(1));
                }
            }
        }
        return teams;
    }

    private static List<String> lockEnabledAdmins(Connection c) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT username_key FROM platform_user WHERE role = ? "
                + "AND disabled = FALSE ORDER BY username_key FOR UPDATE")) {
            select.setString(1, Role.ADMIN.id());
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    keys.add(r.getString(1));
                }
            }
        }
        return keys;
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM platform_user");
             ResultSet r = count.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static User insert(Connection c, String username, String hash, Role role, List<String> teams) throws SQLException {
        OffsetDateTime now = now();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO platform_user (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, FALSE, ?, ?)")) {
            insert.setString(1, Names.key(username));
            insert.setString(2, username);
            insert.setString(3, hash);
            insert.setString(4, role.id());
            insert.setObject(5, now);
            insert.setObject(6, now);
            insert.executeUpdate();
        }
        replaceTeams(c, Names.key(username), teams);
        return new User(username, role, teams, false, now.toInstant(), now.toInstant());
    }

    private static void update(Connection c, String key, String hash, Role role, boolean disabled) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE platform_user SET password_hash = ?, role = ?, "
                + "disabled = ?, updated_at = ? WHERE username_key = ?")) {
            update.setString(1, hash);
            update.setString(2, role.id());
            update.setBoolean(3, disabled);
            update.setObject(4, now());
            update.setString(5, key);
            update.executeUpdate();
        }
    }

    private static void replaceTeams(Connection c, String key, List<String> teams) throws SQLException {
        execute(c, "DELETE FROM platform_user_team WHERE username_key = ?", key);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO platform_user_team (username_key, team) VALUES (?, ?)")) {
            for (String team : teams) {
                insert.setString(1, key);
                insert.setString(2, team);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void deleteSessions(Connection c, String key) throws SQLException {
        execute(c, "DELETE FROM user_session WHERE username_key = ?", key);
    }

    private static void execute(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.executeUpdate();
        }
    }

    private static String describe(UserChange change, Row before, Role role, boolean disabled, List<String> teams) {
        List<String> parts = new ArrayList<>();
        if (role != before.role()) {
            parts.add("role " + before.role().id() + " -> " + role.id());
        }
        if (teams != null) {
            parts.add("teams " + teams);
        }
        if (change.password() != null) {
            parts.add("password changed");
        }
        if (disabled != before.disabled()) {
            parts.add(disabled ? "disabled" : "enabled");
        }
        return parts.isEmpty() ? "nothing changed" : String.join(", ", parts);
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }

    /** Integrity constraint violations: SQLState class 23 on both databases. */
    static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static UserException taken() {
        return new UserException(UserException.Kind.CONFLICT, "a user with this name exists already");
    }

    private static UserException lastAdmin() {
        return new UserException(UserException.Kind.CONFLICT, "the last enabled admin cannot be deleted, demoted or disabled");
    }

    /** One stored user, with the hash that never leaves this class. */
    private record Row(String key, String username, String hash, Role role, boolean disabled, Instant createdAt,
            Instant updatedAt) {

        static Row of(ResultSet r) throws SQLException {
            return new Row(r.getString(1), r.getString(2), r.getString(3), Role.of(r.getString(4)), r.getBoolean(5),
                    r.getObject(6, OffsetDateTime.class).toInstant(), r.getObject(7, OffsetDateTime.class).toInstant());
        }

        User user(List<String> teams) {
            return new User(username, role, teams, disabled, createdAt, updatedAt);
        }
    }
}
