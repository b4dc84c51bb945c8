package org.seamline.core.users.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.core.audit.internal.AuditRows;
import org.seamline.core.users.ApiToken;
import org.seamline.core.users.ApiTokens;
import org.seamline.core.users.IssuedToken;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Role;
import org.seamline.core.users.User;
import org.seamline.core.users.UserException;
import org.seamline.store.Database;

/** API tokens in the store, found by the SHA-256 of the presented token ({@link Secrets} says why that suffices). */
@Component(service = ApiTokens.class)
public class JdbcApiTokens implements ApiTokens {

    /** {@code lastUsedAt} is written at most this often per token, so a busy integration does not write on every call. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_NAME_LENGTH = 100;
    private static final String COLUMNS = "id, name, role, created_by, created_at, last_used_at";

    private final Database database;

    @Activate
    public JdbcApiTokens(@Reference Database database) {
        this.database = database;
    }

    @Override
    public IssuedToken issue(String name, Role role, User creator) throws SQLException, UserException {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new UserException(UserException.Kind.INVALID, "'name' must be 1-" + MAX_NAME_LENGTH + " printable characters");
        }
        if (!creator.role().includes(role)) {
            throw new UserException(UserException.Kind.FORBIDDEN, "a token's role cannot be above its creator's");
        }
        String token = Secrets.random();
        ApiToken details = new ApiToken(UUID.randomUUID().toString(), name.strip(), role, creator.username(), Instant.now(), null);
        database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_token (id, name, token_hash, role, created_by, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, details.id());
                insert.setString(2, details.name());
                insert.setString(3, Secrets.sha256(token));
                insert.setString(4, role.id());
                insert.setString(5, Names.key(creator.username()));
                insert.setObject(6, details.createdAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            AuditRows.insert(c, creator.username(), "token.created", details.id(), "name " + details.name() + ", role " + role.id());
            return null;
        });
        return new IssuedToken(details, token);
    }

    @Override
    public List<ApiToken> list() throws SQLException {
        return database.read(c -> {
            List<ApiToken> tokens = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT t.id, t.name, t.role, u.username, t.created_at, "
                    + "t.last_used_at FROM api_token t JOIN platform_user u ON u.username_key = t.created_by "
                    + "ORDER BY t.created_at, t.id");
                 ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    tokens.add(token(r));
                }
            }
            return tokens;
        });
    }

    @Override
    public boolean revoke(String id, String actor) throws SQLException {
        return database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM api_token WHERE id = ?")) {
                delete.setString(1, id);
                if (delete.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditRows.insert(c, actor, "token.revoked", id, null);
            return true;
        });
    }

    @Override
    public Optional<Principal> authenticate(String token) throws SQLException {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        Optional<Used> used = database.read(c -> find(c, Secrets.sha256(token)));
        if (used.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (used.get().lastUsedAt() == null || used.get().lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            database.read(c -> touch(c, used.get().id(), now));
        }
        return Optional.of(new Principal(used.get().username(), used.get().role(), Principal.Via.TOKEN, null));
    }

    /** The token with its creator, if the creator still exists and is enabled. */
    private static Optional<Used> find(Connection c, String hash) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT t.id, t.role, t.last_used_at, u.username, u.role "
                + "FROM api_token t JOIN platform_user u ON u.username_key = t.created_by "
                + "WHERE t.token_hash = ? AND u.disabled = FALSE")) {
            select.setString(1, hash);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                OffsetDateTime lastUsed = r.getObject(3, OffsetDateTime.class);
                return Optional.of(new Used(r.getString(1), Role.lower(Role.of(r.getString(2)), Role.of(r.getString(5))),
                        lastUsed == null ? null : lastUsed.toInstant(), r.getString(4)));
            }
        }
    }

    private static Void touch(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE api_token SET last_used_at = ? WHERE id = ?")) {
            update.setObject(1, now.atOffset(ZoneOffset.UTC));
            update.setString(2, id);
            update.executeUpdate();
        }
        return null;
    }

    private static ApiToken token(ResultSet r) throws SQLException {
        OffsetDateTime lastUsed = r.getObject(6, OffsetDateTime.class);
        return new ApiToken(r.getString(1), r.getString(2), Role.of(r.getString(3)), r.getString(4),
                r.getObject(5, OffsetDateTime.class).toInstant(), lastUsed == null ? null : lastUsed.toInstant());
    }

    private record Used(String id, Role role, Instant lastUsedAt, String username) {
    }
}
