package org.seamline.crm.amocrm;

import org.seamline.api.health.Health;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CyclicBarrier;
import java.util.List;
import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.amocrm.standin.AmoCrmStandIn;
import org.seamline.store.migration.Migrations;

/**
 * Tokens at rest: the table made by the bundle's own script through the platform's migration runner, rows sealed
 * with AES-256-GCM under a key file only the owner can read.
 */
class TokenStorageTest {

    @TempDir
    Path home;

    /** The platform's database as PluginTables answers it: its own scripts, then the plugin's. */
    private static DataSource migrated() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:amocrm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new Migrations(Migrations.class.getClassLoader(), "org/seamline/store/migration").migrate(h2);
        Migrations.forOwner(JdbcTokenVault.OWNER, AmoCrmPlugin.class.getClassLoader(), JdbcTokenVault.MIGRATIONS).migrate(h2);
        return h2;
    }

    private TokenCipher cipher() throws Exception {
        return new TokenCipher(KeyFile.loadOrCreate(home.resolve(KeyFile.DEFAULT_LOCATION)));
    }

    @Test
    void theKeyFileIsMadeOnFirstUseForTheOwnerOnlyAndReadBackAfter() throws Exception {
        TestConfiguration config = new TestConfiguration("https://shop.amocrm.ru");
        config.longLivedToken = "long-lived-token-value";
        Path file = AmoCrmPlugin.keyFile(config.settings(), home.toString());

        SecretKey key = KeyFile.loadOrCreate(file);

        assertEquals(home.resolve("etc/keys/crm.amocrm.key"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(32, key.getEncoded().length);
        assertArrayEquals(key.getEncoded(), KeyFile.loadOrCreate(file).getEncoded(), "the same key after a restart");
    }

    @Test
    void aKeyFileThatHoldsNoKeyIsRefusedWithoutQuotingIt() throws Exception {
        Path file = home.resolve("bad.key");
        Files.writeString(file, "not-a-key-at-all");

        Exception refused = assertThrows(java.io.IOException.class, () -> KeyFile.loadOrCreate(file));

        assertFalse(refused.getMessage().contains("not-a-key-at-all"));
    }

    @Test
    void tokensAreSealedAtRestAndOpenOnlyForTheirInstance() throws Exception {
        DataSource db = migrated();
        JdbcTokenVault vault = new JdbcTokenVault(db, cipher(), Clock.systemUTC());
        TokenPair pair = new TokenPair("access-AAAAAAAAAAAAAAAA", "refresh-BBBBBBBBBBBBBBBB",
                Instant.parse("2026-06-01T10:00:00Z"), "seed");

        vault.store("main", pair);
        vault.store("main", pair); // replaced, not duplicated

        String row;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT sealed, COUNT(*) OVER () FROM amocrm_token WHERE instance = 'main'")) {
            assertTrue(r.next());
            row = r.getString(1);
            assertEquals(1, r.getInt(2));
        }
        assertFalse(row.contains("access-AAAA") || row.contains("refresh-BBBB"), "no token in plaintext");
        assertTrue(row.startsWith("v1."));
        assertEquals(pair, vault.load("main").orElseThrow());

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO amocrm_token (instance, sealed, updated_at) VALUES ('other', '" + row
                    + "', CURRENT_TIMESTAMP)");
        }
        TokenVault.TokenVaultException moved = assertThrows(TokenVault.TokenVaultException.class, () -> vault.load("other"));
        assertFalse(moved.getMessage().contains("refresh-"));
    }

    @Test
    void aLostKeyMeansAuthorisingAgainWithANewCode() throws Exception {
        DataSource db = migrated();
        try (AmoCrmStandIn standIn = AmoCrmStandIn.start()) {
            TestConfiguration config = AmoCrmFixture.configuration(standIn);
            config.authorizationCode = standIn.oauth().authorizationCode();
            new AmoCrmConnector("main", config.settings(), new JdbcTokenVault(db, cipher(), Clock.systemUTC()),
                    Clock.systemUTC()).authorise();
            Files.delete(home.resolve(KeyFile.DEFAULT_LOCATION));
            TokenCipher newKey = cipher();

            config.authorizationCode = "";
            AmoCrmConnector lost = new AmoCrmConnector("main", config.settings(),
                    new JdbcTokenVault(db, newKey, Clock.systemUTC()), Clock.systemUTC());
            org.seamline.api.crm.CrmException refused = assertThrows(org.seamline.api.crm.CrmException.class,
                    () -> lost.findByEmail("nobody@example.com"));
            assertEquals(org.seamline.api.crm.CrmException.Kind.AUTH_INVALID, refused.kind());

            config.authorizationCode = standIn.oauth().authorizationCode();
            AmoCrmConnector reauthorised = new AmoCrmConnector("main", config.settings(),
                    new JdbcTokenVault(db, newKey, Clock.systemUTC()), Clock.systemUTC());
            assertEquals(0, reauthorised.findByEmail("nobody@example.com").size());
            assertEquals(2, standIn.oauth().exchanges());
        }
    }

    @Test
    void twoNodesOverOneDatabaseRefreshOneAtATimeAndNeverSpendATokenTwice() throws Exception {
        DataSource db = migrated();
        TokenCipher cipher = cipher();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (AmoCrmStandIn standIn = AmoCrmStandIn.start()) {
            standIn.rateLimit().perSecond(10_000); // the platform, not this test, paces the calls
            TestConfiguration config = AmoCrmFixture.configuration(standIn);
            config.authorizationCode = standIn.oauth().authorizationCode();
            AmoCrmConnector nodeA = new AmoCrmConnector("main", config.settings(),
                    new JdbcTokenVault(db, cipher, Clock.systemUTC()), Clock.systemUTC());
            nodeA.authorise();
            config.authorizationCode = "";
            AmoCrmConnector nodeB = new AmoCrmConnector("main", config.settings(),
                    new JdbcTokenVault(db, cipher, Clock.systemUTC()), Clock.systemUTC());
            int rounds = 5;
            for (int round = 0; round < rounds; round++) {
                standIn.oauth().expireAccessToken();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> calls = new ArrayList<>();
                for (AmoCrmConnector node : List.of(nodeA, nodeB)) {
                    calls.add(threads.submit(() -> {
                        together.await();
                        return node.findByEmail("nobody@example.com").size();
                    }));
                }
                for (Future<Integer> call : calls) {
                    assertEquals(0, call.get(30, TimeUnit.SECONDS), "both nodes' calls go through");
                }
            }
            assertEquals(rounds, standIn.oauth().refreshes(), "one refresh per expiry, whichever node made it");
            assertEquals(Health.State.UP, nodeA.health().state());
            assertEquals(Health.State.UP, nodeB.health().state());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void eachWriteUsesAFreshIv() throws Exception {
        TokenCipher cipher = cipher();
        assertFalse(cipher.seal("main", "same").equals(cipher.seal("main", "same")));
    }

    @Test
    void aConnectorOverTheDatabaseVaultSurvivesARestart() throws Exception {
        DataSource db = migrated();
        try (AmoCrmStandIn standIn = AmoCrmStandIn.start()) {
            TestConfiguration config = AmoCrmFixture.configuration(standIn);
            config.authorizationCode = standIn.oauth().authorizationCode();
            new AmoCrmConnector("main", config.settings(), new JdbcTokenVault(db, cipher(), Clock.systemUTC()),
                    Clock.systemUTC()).authorise();
            standIn.oauth().expireAccessToken();

            AmoCrmConnector restarted = new AmoCrmConnector("main", config.settings(),
                    new JdbcTokenVault(db, cipher(), Clock.systemUTC()), Clock.systemUTC());

            assertEquals(0, restarted.findByEmail("nobody@example.com").size());
            assertEquals(1, standIn.oauth().exchanges());
            assertEquals(1, standIn.oauth().refreshes());
        }
    }
}
