package org.seamline.core.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.core.users.ApiToken;
import org.seamline.core.users.IssuedToken;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Role;
import org.seamline.core.users.Sessions;
import org.seamline.core.users.User;
import org.seamline.core.users.UserChange;
import org.seamline.core.users.UserException;
import org.seamline.store.Database;
import org.seamline.store.internal.TestDatabases;

/** Users, tokens and sessions on a real H2 and a real PostgreSQL. */
class UserStoreTest {

    /** Cheap parameters: these tests are about storage, PasswordHasherTest about hashing. */
    private static final PasswordHasher FAST = new PasswordHasher(64, 1, 1);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theFirstStartCreatesTheAdminAndLaterStartsKeepAChangedPassword(String kind) throws Exception {
        Database db = TestDatabases.of(kind);
        JdbcUsers users = new JdbcUsers(db, FAST);

        users.seedAdmin("from the launcher", false);
        assertEquals(Role.ADMIN, users.authenticate("admin", "from the launcher").orElseThrow().role());
        users.change("admin", new UserChange(null, null, "changed by the admin", null), "admin");

        users.seedAdmin("from the launcher", false);
        assertTrue(users.authenticate("admin", "from the launcher").isEmpty(), "a later start does not overwrite it");
        assertTrue(users.authenticate("ADMIN", "changed by the admin").isPresent());

        users.seedAdmin("from the launcher", true);
        assertTrue(users.authenticate("admin", "from the launcher").isPresent(), "SEAMLINE_RESET_ADMIN resets it");
        assertTrue(users.authenticate("admin", "changed by the admin").isEmpty());
        assertEquals(List.of("user.created", "user.changed", "user.reset"), audit(db, "admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void namesAreUniqueInAnyCaseAndNeitherPasswordNorHashIsEverShown(String kind) throws Exception {
        Database db = TestDatabases.of(kind);
        JdbcUsers users = new JdbcUsers(db, FAST);
        users.seedAdmin("from the launcher", false);

        User ann = users.create("Ann", "ann's password 1", Role.AGENT, List.of("Sales", "support"), "admin");
        assertEquals(List.of("sales", "support"), ann.teams());
        UserException taken = assertThrows(UserException.class,
                () -> users.create("ANN", "another password", Role.VIEWER, List.of(), "admin"));
        assertEquals(UserException.Kind.CONFLICT, taken.kind());
        assertEquals(UserException.Kind.INVALID, assertThrows(UserException.class,
                () -> users.create("bob", "short", Role.VIEWER, List.of(), "admin")).kind());

        assertEquals("Ann", users.find("aNN").orElseThrow().username());
        assertEquals(2, users.list(0, 50).total());
        assertEquals(List.of("admin", "Ann"), users.list(0, 50).items().stream().map(User::username).toList());
        assertEquals(List.of("Ann"), users.list(1, 1).items().stream().map(User::username).toList());
        assertTrue(users.list(0, 50).toString().indexOf("argon2") < 0);
        assertEquals(List.of("user.created"), audit(db, "Ann"));
        assertEquals("admin", actor(db, "Ann"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theLastEnabledAdminCannotBeDeletedDemotedOrDisabled(String kind) throws Exception {
        Database db = TestDatabases.of(kind);
        JdbcUsers users = new JdbcUsers(db, FAST);
        users.seedAdmin("from the launcher", false);

        for (UserChange change : List.of(new UserChange(Role.SUPERVISOR, null, null, null), new UserChange(null, null, null, true))) {
            assertEquals(UserException.Kind.CONFLICT, assertThrows(UserException.class, () -> users.change("admin", change, "admin")).kind());
        }
        assertEquals(UserException.Kind.CONFLICT, assertThrows(UserException.class, () -> users.delete("admin", "admin")).kind());

        users.create("second", "second admin's password", Role.ADMIN, List.of(), "admin");
        assertTrue(users.delete("admin", "second"));
        assertFalse(users.delete("admin", "second"), "gone");
        assertEquals(UserException.Kind.CONFLICT, assertThrows(UserException.class,
                () -> users.change("second", new UserChange(Role.AGENT, null, null, null), "second")).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTeamsMembersAreItsEnabledUsersFoundInAnyCase(String kind) throws Exception {
        JdbcUsers users = new JdbcUsers(TestDatabases.of(kind), FAST);
        users.seedAdmin("from the launcher", false);
        users.create("Bob", "bob's password 12", Role.AGENT, List.of("Billing"), "admin");
        users.create("ann", "ann's password 12", Role.AGENT, List.of("billing", "support"), "admin");
        users.create("cid", "cid's password 12", Role.AGENT, List.of("billing"), "admin");
        users.change("cid", new UserChange(null, null, null, true), "admin");

        assertEquals(List.of("ann", "Bob"), users.members("BILLING"));
        assertEquals(List.of("ann"), users.members("support"));
        assertEquals(List.of(), users.members("sales"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDisabledUserCannotSignInAndAChangedPasswordIsCheckedAfresh(String kind) throws Exception {
        Database db = TestDatabases.of(kind);
        JdbcUsers users = new JdbcUsers(db, FAST);
        users.seedAdmin("from the launcher", false);
        users.create("ann", "ann's password 1", Role.AGENT, List.of(), "admin");
        assertTrue(users.authenticate("ann", "ann's password 1").isPresent());

        // a second node (its own cache) changes the password: this node's remembered check no longer counts
        new JdbcUsers(db, FAST).change("ann", new UserChange(null, null, "ann's password 2", null), "admin");
        assertTrue(users.authenticate("ann", "ann's password 1").isEmpty());
        assertTrue(users.authenticate("ann", "ann's password 2").isPresent());

        users.change("ann", new UserChange(null, null, null, true), "admin");
        assertTrue(users.authenticate("ann", "ann's password 2").isEmpty());
        assertTrue(users.authenticate("nobody", "ann's password 2").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTokenActsForItsCreatorAtMostWithTheCreatorsRoleUntilRevoked(String kind) throws Exception {
        Database db = TestDatabases.of(kind);
        JdbcUsers users = new JdbcUsers(db, FAST);
        users.seedAdmin("from the launcher", false);
        User lead = users.create("lead", "lead's password 1", Role.SUPERVISOR, List.of(), "admin");
        JdbcApiTokens tokens = new JdbcApiTokens(db);

        assertEquals(UserException.Kind.FORBIDDEN, assertThrows(UserException.class, () -> tokens.issue("ci", Role.ADMIN, lead)).kind());
        IssuedToken issued = tokens.issue("ci", Role.AGENT, lead);
        assertTrue(issued.token().matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url");
        assertFalse(stored(db, "SELECT token_hash FROM api_token").contains(issued.token()), "stored hashed");

        Principal principal = tokens.authenticate(issued.token()).orElseThrow();
        assertEquals(new Principal("lead", Role.AGENT, Principal.Via.TOKEN, null), principal);
        ApiToken listed = tokens.list().get(0);
        assertEquals("ci", listed.name());
        assertTrue(listed.lastUsedAt() != null, "its use is recorded");

        users.change("lead", new UserChange(Role.VIEWER, null, null, null), "admin");
        assertEquals(Role.VIEWER, tokens.authenticate(issued.token()).orElseThrow().role(), "no more than its creator now");

        assertTrue(tokens.revoke(issued.details().id(), "admin"));
        assertEquals(Optional.empty(), tokens.authenticate(issued.token()));
        assertEquals(Optional.empty(), tokens.authenticate(issued.token() + "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void sessionsEndWhenIdleAtTheirMaximumAgeOnSignOutAndWhenTheUserIsDisabled(String kind) throws Exception {
        Database db = TestDatabases.of(kind);
        JdbcUsers users = new JdbcUsers(db, FAST);
        users.seedAdmin("from the launcher", false);
        User ann = users.create("ann", "ann's password 1", Role.AGENT, List.of(), "admin");
        MutableClock clock = new MutableClock();
        JdbcSessions sessions = new JdbcSessions(db, clock, Duration.ofMinutes(30), Duration.ofHours(12));

        Sessions.Opened opened = sessions.open(ann);
        assertNotEquals(opened.cookieValue(), opened.csrfToken());
        assertFalse(stored(db, "SELECT id_hash FROM user_session").contains(opened.cookieValue()), "stored hashed");
        Principal principal = sessions.find(opened.cookieValue()).orElseThrow();
        assertEquals("ann", principal.username());
        assertEquals(opened.csrfToken(), principal.csrfToken());

        // used every 20 minutes it stays; idle for 30 it ends (a minute more: PostgreSQL rounds to microseconds)
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(sessions.find(opened.cookieValue()).isPresent());
        }
        clock.advance(Duration.ofMinutes(31));
        assertTrue(sessions.find(opened.cookieValue()).isEmpty(), "idle expiry");

        // a live stream's re-checks see the session but never keep it alive
        Sessions.Opened watched = sessions.open(ann);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(9));
            assertEquals("ann", sessions.check(watched.cookieValue()).orElseThrow().username());
        }
        clock.advance(Duration.ofMinutes(4));
        assertTrue(sessions.check(watched.cookieValue()).isEmpty(), "idle expiry, however often re-checked");
        assertTrue(sessions.find(watched.cookieValue()).isEmpty());

        Sessions.Opened busy = sessions.open(ann);
        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(sessions.find(busy.cookieValue()).isPresent());
        }
        clock.advance(Duration.ofMinutes(21));
        assertTrue(sessions.find(busy.cookieValue()).isEmpty(), "maximum age, however busy");

        Sessions.Opened closed = sessions.open(ann);
        sessions.close(closed.cookieValue());
        assertTrue(sessions.find(closed.cookieValue()).isEmpty(), "signed out");

        Sessions.Opened disabled = sessions.open(ann);
        users.change("ann", new UserChange(null, null, null, true), "admin");
        assertTrue(sessions.find(disabled.cookieValue()).isEmpty(), "a disabled user's sessions end");
    }

    private static List<String> audit(Database db, String subject) throws Exception {
        return db.read(c -> {
            List<String> actions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT action FROM admin_audit WHERE subject = ? ORDER BY occurred_at")) {
                s.setString(1, subject);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        actions.add(r.getString(1));
                    }
                }
            }
            return actions;
        });
    }

    private static String actor(Database db, String subject) throws Exception {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT actor FROM admin_audit WHERE subject = ?")) {
                s.setString(1, subject);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        });
    }

    private static String stored(Database db, String sql) throws Exception {
        return db.read(c -> {
            StringBuilder all = new StringBuilder();
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.append(r.getString(1)).append('\n');
                }
            }
            return all.toString();
        });
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
