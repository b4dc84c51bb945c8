package org.seamline.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void anAddressGuessingPasswordsIsRefusedUntilTheWindowEnds() {
        fail("admin", "10.0.0.9", LoginThrottle.ADDRESS_LIMIT);

        Optional<Duration> wait = throttle.refusal("admin", "10.0.0.9");
        assertTrue(wait.isPresent());
        assertTrue(wait.get().compareTo(LoginThrottle.WINDOW) <= 0);
        assertTrue(throttle.refusal("someone-else", "10.0.0.9").isPresent(), "whichever user it tries");

        clock.now = clock.now.plus(LoginThrottle.WINDOW);
        assertEquals(Optional.empty(), throttle.refusal("admin", "10.0.0.9"));
    }

    @Test
    void anotherAddressKeepsLoggingInWhileOneIsRefused() {
        fail("admin", "10.0.0.9", LoginThrottle.ADDRESS_LIMIT);

        assertEquals(Optional.empty(), throttle.refusal("admin", "10.0.0.1"));
    }

    @Test
    void fewerFailuresThanTheLimitAreNotRefused() {
        fail("admin", "10.0.0.9", LoginThrottle.ADDRESS_LIMIT - 1);

        assertEquals(Optional.empty(), throttle.refusal("admin", "10.0.0.9"));
    }

    @Test
    void aUserGuessedFromManyAddressesIsRefusedExceptWhereItAlreadyLoggedIn() {
        throttle.succeeded("admin", "10.0.0.1");
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            throttle.failed("admin", "10.1.0." + i);
        }

        assertTrue(throttle.refusal("admin", "10.2.0.1").isPresent(), "a new address guessing the same user");
        assertEquals(Optional.empty(), throttle.refusal("admin", "10.0.0.1"), "the admin's own address");
        assertEquals(Optional.empty(), throttle.refusal("other", "10.2.0.1"), "other users");
    }

    @Test
    void aSuccessClearsTheAddresssFailures() {
        fail("admin", "10.0.0.9", LoginThrottle.ADDRESS_LIMIT - 1);
        throttle.succeeded("admin", "10.0.0.9");
        fail("admin", "10.0.0.9", 1);

        assertEquals(Optional.empty(), throttle.refusal("admin", "10.0.0.9"));
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void anAttemptCountsFailuresPerAccountWhateverTheCaseAndRefusesWithoutChecking() throws Exception {
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            LoginThrottle.Attempt<String> failed = throttle.attempt(i % 2 == 0 ? "Ann" : "ANN", "10.2.0." + i, "POST /api/v1/session",
                    Optional::empty);
            assertTrue(failed.accepted().isEmpty() && failed.retryAfter().isEmpty());
        }
        boolean[] checked = {false};
        LoginThrottle.Attempt<String> refused = throttle.attempt("ann", "10.3.0.1", "POST /api/v1/session", () -> {
            checked[0] = true;
            return Optional.of("ann");
        });
        assertTrue(refused.retryAfter().isPresent(), "the account is throttled, in any case");
        assertTrue(!checked[0], "the password is not even checked");
        assertEquals(Optional.of("bob"), throttle.attempt("bob", "10.3.0.1", "GET /api/v1/plugins", () -> Optional.of("bob")).accepted());
    }
}
