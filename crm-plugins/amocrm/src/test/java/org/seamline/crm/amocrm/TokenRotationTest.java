package org.seamline.crm.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seamline.amocrm.standin.AmoCrmStandIn;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.health.Health;

/** Rotating refresh tokens: stored before use, read back after a restart, refreshed once however many threads ask. */
class TokenRotationTest {

    private final AmoCrmStandIn standIn = AmoCrmStandIn.start();
    private final InMemoryTokenVault vault = new InMemoryTokenVault();

    @AfterEach
    void close() {
        standIn.close();
    }

    private AmoCrmConnector connector(TestConfiguration config) {
        return new AmoCrmConnector("main", config.settings(), vault, Clock.systemUTC());
    }

    private TestConfiguration withCode() {
        TestConfiguration config = AmoCrmFixture.configuration(standIn);
        config.authorizationCode = standIn.oauth().authorizationCode();
        return config;
    }

    @Test
    void aRotatedPairIsStoredAndANewConnectorOverTheSameVaultGoesOnWithIt() throws Exception {
        TestConfiguration config = withCode();
        AmoCrmConnector first = connector(config);
        first.authorise();
        TokenPair issued = vault.load("main").orElseThrow();

        standIn.oauth().expireAccessToken();
        assertEquals(List.of(), first.findByEmail("nobody@example.com"));

        TokenPair rotated = vault.load("main").orElseThrow();
        assertNotEquals(issued.refreshToken(), rotated.refreshToken(), "the new pair was stored");
        assertFalse(standIn.oauth().refreshTokenValid(issued.refreshToken()), "the old refresh token is dead");
        assertTrue(standIn.oauth().refreshTokenValid(rotated.refreshToken()));

        // a restart: the same configuration (the code is spent), a new connector reading the vault
        AmoCrmConnector restarted = connector(config);
        standIn.oauth().expireAccessToken();
        assertEquals(List.of(), restarted.findByEmail("nobody@example.com"));

        assertEquals(1, standIn.oauth().exchanges(), "the code was exchanged once, not again after the restart");
        assertEquals(2, standIn.oauth().refreshes());
        assertEquals(Health.State.UP, restarted.health().state());
    }

    @Test
    void threadsNeedingARefreshTogetherRefreshOnce() throws Exception {
        AmoCrmConnector connector = connector(withCode());
        connector.authorise();
        standIn.oauth().expireAccessToken();
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CrmContact>>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<List<CrmContact>> call = () -> {
                    start.await();
                    return connector.findByEmail("nobody@example.com");
                };
                calls.add(pool.submit(call));
            }
            for (Future<List<CrmContact>> call : calls) {
                assertEquals(List.of(), call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, standIn.oauth().refreshes(), "one refresh: a second with the old token would lock us out");
    }

    @Test
    void aTokenAboutToExpireIsRefreshedAheadWithoutA401() throws Exception {
        MovableClock clock = new MovableClock();
        AmoCrmConnector connector = new AmoCrmConnector("main", withCode().settings(), vault, clock);
        connector.authorise();
        clock.advance(Duration.ofDays(1).minus(AccessTokens.AHEAD).plusSeconds(1));

        connector.findByEmail("nobody@example.com");

        assertEquals(1, standIn.oauth().refreshes());
        assertEquals(1, standIn.requests().stream().filter(r -> r.startsWith("GET /api/v4/contacts")).count(),
                "one call, not refused and repeated");
    }

    /** The connector's clock, moved by the test. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anInitialRefreshTokenIsUsedOnceAndAnewCodeIsExchangedWhenConfigured() throws Exception {
        TestConfiguration config = AmoCrmFixture.configuration(standIn);
        config.refreshToken = standIn.oauth().refreshToken();
        connector(config).authorise();
        assertEquals(1, standIn.oauth().refreshes());

        connector(config).authorise();
        assertEquals(1, standIn.oauth().refreshes(), "after a restart the stored pair is used, not the spent token");

        TestConfiguration reauthorised = AmoCrmFixture.configuration(standIn);
        reauthorised.authorizationCode = standIn.oauth().authorizationCode();
        connector(reauthorised).authorise();
        assertEquals(1, standIn.oauth().exchanges(), "a new code replaces the stored pair");
    }

    @Test
    void aRevokedIntegrationIsAuthInvalidAndSaysToAuthoriseAgain() throws Exception {
        AmoCrmConnector connector = connector(withCode());
        connector.authorise();
        standIn.oauth().revokeAll();

        CrmException refused = assertThrows(CrmException.class, () -> connector.findByEmail("anna@example.com"));

        assertEquals(CrmException.Kind.AUTH_INVALID, refused.kind());
        assertTrue(refused.getMessage().contains("authorised again"), refused.getMessage());
        assertFalse(refused.getMessage().contains("anna"), "no personal data in the message");
        assertEquals(Health.State.DOWN, connector.health().state());
    }

    @Test
    void aTokenEndpointOutageIsRetryable() throws Exception {
        AmoCrmConnector connector = connector(withCode());
        connector.authorise();
        standIn.oauth().expireAccessToken();
        standIn.oauth().failNext(1);

        CrmException failed = assertThrows(CrmException.class, () -> connector.findByEmail("anna@example.com"));

        assertEquals(CrmException.Kind.AUTH_EXPIRED, failed.kind());
        assertTrue(failed.retryable());
        assertEquals(List.of(), connector.findByEmail("anna@example.com"), "the next call refreshes and goes through");
    }

    @Test
    void aLongLivedTokenNeedsNoOAuth() throws Exception {
        TestConfiguration config = new TestConfiguration(standIn.baseUrl());
        config.longLivedToken = standIn.oauth().longLivedToken();
        AmoCrmConnector connector = connector(config);

        assertEquals(List.of(), connector.findByEmail("nobody@example.com"));
        standIn.oauth().revokeAll();
        CrmException refused = assertThrows(CrmException.class, () -> connector.findByEmail("nobody@example.com"));
        assertEquals(CrmException.Kind.AUTH_INVALID, refused.kind());
        assertEquals(0, standIn.oauth().refreshes());
    }

    @Test
    void aPairTheVaultCannotTakeIsKeptAndStoredBeforeItIsUsed() throws Exception {
        FlakyVault flaky = new FlakyVault();
        TestConfiguration config = withCode();
        AmoCrmConnector connector = new AmoCrmConnector("main", config.settings(), flaky, Clock.systemUTC());
        connector.authorise();
        standIn.oauth().expireAccessToken();
        flaky.failWrites = true;

        CrmException failed = assertThrows(CrmException.class, () -> connector.findByEmail("nobody@example.com"));
        assertEquals(CrmException.Kind.TRANSIENT, failed.kind());

        flaky.failWrites = false;
        assertEquals(List.of(), connector.findByEmail("nobody@example.com"));
        assertEquals(1, standIn.oauth().refreshes(), "the refreshed pair was kept, not refreshed again");
        assertTrue(standIn.oauth().refreshTokenValid(flaky.load("main").orElseThrow().refreshToken()));
    }

    @Test
    void aNodeWhosePairAnotherNodeRotatedGoesOnWithTheStoredPairInsteadOfSpendingItsOwn() throws Exception {
        TestConfiguration config = withCode();
        AmoCrmConnector nodeA = connector(config);
        nodeA.authorise();
        config.authorizationCode = "";
        AmoCrmConnector nodeB = connector(config); // another node over the same table
        assertEquals(List.of(), nodeB.findByEmail("nobody@example.com"));

        standIn.oauth().expireAccessToken();
        assertEquals(List.of(), nodeA.findByEmail("nobody@example.com")); // A rotates the pair B holds in memory
        assertEquals(List.of(), nodeB.findByEmail("nobody@example.com"));

        assertEquals(1, standIn.oauth().refreshes(), "B took A's stored pair rather than refreshing with a spent token");
        assertEquals(Health.State.UP, nodeB.health().state());
    }

    @Test
    void aRefreshThatLostTheRaceToAnotherNodeTakesTheWinnersPair() throws Exception {
        LaggingVault lagging = new LaggingVault(vault);
        TestConfiguration config = withCode();
        AmoCrmConnector nodeA = new AmoCrmConnector("main", config.settings(), lagging, Clock.systemUTC());
        nodeA.authorise();
        config.authorizationCode = "";
        AmoCrmConnector nodeB = new AmoCrmConnector("main", config.settings(), lagging, Clock.systemUTC());
        assertEquals(List.of(), nodeB.findByEmail("nobody@example.com"));
        TokenPair spent = vault.load("main").orElseThrow();

        standIn.oauth().expireAccessToken();
        assertEquals(List.of(), nodeA.findByEmail("nobody@example.com"));
        // B looks at the vault before A's pair is there (the race), refreshes with the spent token and is refused
        lagging.stale = spent;
        lagging.staleLoads = 1;
        assertEquals(List.of(), nodeB.findByEmail("nobody@example.com"));

        assertEquals(1, standIn.oauth().refreshes(), "only the refresh of A succeeded");
        assertEquals(Health.State.UP, nodeB.health().state());
    }

    /** A vault whose next {@link #staleLoads} reads answer {@link #stale}, as a node reading just before another stored. */
    private static final class LaggingVault implements TokenVault {
        private final TokenVault inner;
        volatile TokenPair stale;
        volatile int staleLoads;

        LaggingVault(TokenVault inner) {
            this.inner = inner;
        }

        @Override
        public java.util.Optional<TokenPair> load(String instance) throws TokenVaultException {
            if (staleLoads > 0) {
                staleLoads--;
                return java.util.Optional.of(stale);
            }
            return inner.load(instance);
        }

        @Override
        public void store(String instance, TokenPair pair) throws TokenVaultException {
            inner.store(instance, pair);
        }

        @Override
        public <T, E extends Exception> T exclusively(String instance, Work<T, E> work) throws TokenVaultException, E {
            return inner.exclusively(instance, work);
        }
    }

    /** A vault whose writes fail while {@link #failWrites} is set. */
    private static final class FlakyVault implements TokenVault {
        private final InMemoryTokenVault inner = new InMemoryTokenVault();
        volatile boolean failWrites;

        @Override
        public java.util.Optional<TokenPair> load(String instance) {
            return inner.load(instance);
        }

        @Override
        public void store(String instance, TokenPair pair) throws TokenVaultException {
            if (failWrites) {
                throw new TokenVaultException("the token table could not be written", null);
            }
            inner.store(instance, pair);
        }

        @Override
        public <T, E extends Exception> T exclusively(String instance, Work<T, E> work) throws E {
            return inner.exclusively(instance, work);
        }
    }

}
