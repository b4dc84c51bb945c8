package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The production vault: table {@code amocrm_token} in the platform's database (through {@code PluginTables}), one
 * row per instance holding the pair sealed by {@link TokenCipher}. A write is one statement, so a pair is replaced
 * whole or not at all; every node of a cluster reads the same row.
 */
final class JdbcTokenVault implements TokenVault {

    static final String OWNER = "crm.amocrm";
    static final String MIGRATIONS = "org/seamline/crm/amocrm/db";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DataSource dataSource;
    private final TokenCipher cipher;
    private final Clock clock;

    JdbcTokenVault(DataSource dataSource, TokenCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Optional<TokenPair> load(String instance) throws TokenVaultException {
        String sealed;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT sealed FROM amocrm_token WHERE instance = ?")) {
            query.setString(1, instance);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                sealed = row.getString(1);
            }
        } catch (SQLException e) {
            throw new TokenVaultException("the token table could not be read (SQL state " + e.getSQLState() + ")", e);
        }
        try {
            JsonNode json = MAPPER.readTree(cipher.open(instance, sealed));
            return Optional.of(new TokenPair(json.path("access_token").asText(), json.path("refresh_token").asText(),
                    Instant.ofEpochSecond(json.path("expires_at").asLong()), json.path("seed").asText("")));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            // no cause: it may quote the opened text
            throw new TokenVaultException("the stored tokens of " + instance + " cannot be opened with this key file; "
                    + "authorise the integration again (authorizationCode)", null, true);
        }
    }

    @Override
    public void store(String instance, TokenPair pair) throws TokenVaultException {
        String plaintext = MAPPER.createObjectNode().put("access_token", pair.accessToken())
                .put("refresh_token", pair.refreshToken()).put("expires_at", pair.expiresAt().getEpochSecond())
                .put("seed", pair.seedFingerprint()).toString();
        String sealed = cipher.seal(instance, plaintext);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (update(connection, instance, sealed, now) == 0) {
                try {
                    insert(connection, instance, sealed, now);
                } catch (SQLException raced) {
                    // another node inserted the row meanwhile: ours is the newer pair
                    if (update(connection, instance, sealed, now) == 0) {
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw new TokenVaultException("the token table could not be written (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Holds the instance's row of {@code amocrm_refresh_lock} locked, in a transaction of its own, while the work runs.
     * The token row is read and written on other connections meanwhile: only the lock row is held.
     */
    @Override
    public <T, E extends Exception> T exclusively(String instance, Work<T, E> work) throws TokenVaultException, E {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            createLockRow(connection, instance);
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT instance FROM amocrm_refresh_lock WHERE instance = ? FOR UPDATE")) {
                    lock.setString(1, instance);
                    lock.executeQuery().close();
                }
                return work.run();
            } finally {
                connection.rollback(); // nothing was written here: ending the transaction releases the lock
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new TokenVaultException("the refresh lock could not be taken (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private static void createLockRow(Connection connection, String instance) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM amocrm_refresh_lock WHERE instance = ?")) {
            exists.setString(1, instance);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO amocrm_refresh_lock (instance) VALUES (?)")) {
            insert.setString(1, instance);
            insert.executeUpdate();
        } catch (SQLException raced) {
            // another node created it at the same moment: it is there
        }
    }

    private static int update(Connection connection, String instance, String sealed, OffsetDateTime now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE amocrm_token SET sealed = ?, updated_at = ? WHERE instance = ?")) {
            update.setString(1, sealed);
            update.setObject(2, now);
            update.setString(3, instance);
            return update.executeUpdate();
        }
    }

    private static void insert(Connection connection, String instance, String sealed, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO amocrm_token (instance, sealed, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, instance);
            insert.setString(2, sealed);
            insert.setObject(3, now);
            insert.executeUpdate();
        }
    }
}
