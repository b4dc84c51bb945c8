package org.seamline.core.users.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Role;
import org.seamline.core.users.Sessions;
import org.seamline.core.users.User;
import org.seamline.store.Database;

/**
 * Sessions in the store, found by the SHA-256 of the cookie's value. {@code last_seen_at} is written at most once a
 * minute per session; expired sessions are deleted when found and whenever someone signs in.
 */
@Component(service = Sessions.class, configurationPid = SessionConfiguration.PID)
@Designate(ocd = SessionConfiguration.class)
public class JdbcSessions implements Sessions {

    private static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);

    private final Database database;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;

    @Activate
    public JdbcSessions(@Reference Database database, SessionConfiguration config) {
        this(database, Clock.systemUTC(), Duration.ofMinutes(config.sessionIdleMinutes()), Duration.ofHours(config.sessionMaxHours()));
    }

    JdbcSessions(Database database, Clock clock, Duration idle, Duration maxAge) {
        this.database = database;
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    @Override
    public Opened open(User user) throws SQLException {
        Opened opened = new Opened(Secrets.random(), Secrets.random());
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        database.inTransaction(c -> {
            try (PreparedStatement expired = c.prepareStatement(
                    "DELETE FROM user_session WHERE last_seen_at < ? OR created_at < ?")) {
                expired.setObject(1, now.minus(idle));
                expired.setObject(2, now.minus(maxAge));
                expired.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO user_session (id_hash, username_key, csrf_token, "
                    + "created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, Secrets.sha256(opened.cookieValue()));
                insert.setString(2, Names.key(user.username()));
                insert.setString(3, opened.csrfToken());
                insert.setObject(4, now);
                insert.setObject(5, now);
                insert.executeUpdate();
            }
            return null;
        });
        return opened;
    }

    @Override
    public Optional<Principal> find(String cookieValue) throws SQLException {
        return find(cookieValue, true);
    }

    @Override
    public Optional<Principal> check(String cookieValue) throws SQLException {
        return find(cookieValue, false);
    }

    private Optional<Principal> find(String cookieValue, boolean activity) throws SQLException {
        if (cookieValue == null || cookieValue.length() > 200) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(cookieValue);
        Instant now = clock.instant();
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT s.csrf_token, s.created_at, s.last_seen_at, u.username, "
                    + "u.role FROM user_session s JOIN platform_user u ON u.username_key = s.username_key "
                    + "WHERE s.id_hash = ? AND u.disabled = FALSE")) {
                select.setString(1, hash);
                try (ResultSet r = select.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    Instant created = r.getObject(2, OffsetDateTime.class).toInstant();
                    Instant lastSeen = r.getObject(3, OffsetDateTime.class).toInstant();
                    if (!lastSeen.plus(idle).isAfter(now) || !created.plus(maxAge).isAfter(now)) {
                        delete(c, hash);
                        return Optional.empty();
                    }
                    if (activity && lastSeen.plus(TOUCH_RESOLUTION).isBefore(now)) {
                        touch(c, hash, now);
                    }
                    return Optional.of(new Principal(r.getString(4), Role.of(r.getString(5)), Principal.Via.SESSION, r.getString(1)));
                }
            }
        });
    }

    @Override
    public void close(String cookieValue) throws SQLException {
        database.read(c -> {
            delete(c, Secrets.sha256(cookieValue));
            return null;
        });
    }

    private static void delete(Connection c, String hash) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM user_session WHERE id_hash = ?")) {
            delete.setString(1, hash);
            delete.executeUpdate();
        }
    }

    private static void touch(Connection c, String hash, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE user_session SET last_seen_at = ? WHERE id_hash = ?")) {
            update.setObject(1, now.atOffset(ZoneOffset.UTC));
            update.setString(2, hash);
            update.executeUpdate();
        }
    }
}
