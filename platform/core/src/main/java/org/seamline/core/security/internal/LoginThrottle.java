package org.seamline.core.security.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing. An address with {@link #ADDRESS_LIMIT} failed logins in a window is refused until the
 * window ends, whichever user it tries. A user with {@link #USER_LIMIT} failures from anywhere is refused too, except
 * from addresses where that user logged in successfully before: guessing from many addresses cannot lock the real
 * admin out of the browser or script already using the right password. One throttle guards every way in that takes a
 * password (HTTP Basic and the browser's sign-in), and also guessed API tokens, per address.
 */
@Component(service = LoginThrottle.class)
public final class LoginThrottle {

    static final int ADDRESS_LIMIT = 10;
    static final int USER_LIMIT = 50;
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Bounds the memory an attacker can fill with made-up user names or addresses. */
    private static final int MAX_TRACKED = 10_000;
    private static final int MAX_LOGGED_USER_LENGTH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final Clock clock;
    private final Map<String, Failures> byAddress = new LinkedHashMap<>();
    private final Map<String, Failures> byUser = new LinkedHashMap<>();
    private final Map<String, Instant> trusted = new HashMap<>();

    @Activate
    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** A credential check that may fail on the store. */
    @FunctionalInterface
    interface Check<T> {
        Optional<T> run() throws SQLException;
    }

    /** The result of one login attempt: accepted (with what the check found), refused, or throttled. */
    record Attempt<T>(Optional<T> accepted, Optional<Duration> retryAfter) {
    }

    /**
     * Runs {@code check} for {@code user} from {@code address} unless they are throttled; counts and logs a failure
     * (user, address and {@code where}, never the secret).
     */
    <T> Attempt<T> attempt(String user, String address, String where, Check<T> check) throws SQLException {
        String key = user.toLowerCase(Locale.ROOT);
        Optional<Duration> wait = refusal(key, address);
        if (wait.isPresent()) {
            return new Attempt<>(Optional.empty(), wait);
        }
        Optional<T> accepted = check.run();
        if (accepted.isPresent()) {
            succeeded(key, address);
        } else {
            failed(key, address);
            LOG.warn("Failed login for user '{}' from {} on {}", printable(user), address, where);
        }
        return new Attempt<>(accepted, Optional.empty());
    }

    /** A user name as typed by anyone: no line breaks or control characters into the log, and not too long. */
    private static String printable(String user) {
        String clean = user.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_LOGGED_USER_LENGTH ? clean.substring(0, MAX_LOGGED_USER_LENGTH) + "…" : clean;
    }

    /** How long the caller must wait before it may try {@code user} from {@code address}; empty when it may now. */
    synchronized Optional<Duration> refusal(String user, String address) {
        Instant now = clock.instant();
        Optional<Duration> addressWait = wait(byAddress.get(address), ADDRESS_LIMIT, now);
        if (addressWait.isPresent() || isTrusted(user, address, now)) {
            return addressWait;
        }
        return wait(byUser.get(user), USER_LIMIT, now);
    }

    synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        count(byAddress, address, now);
        count(byUser, user, now);
    }

    synchronized void succeeded(String user, String address) {
        Instant now = clock.instant();
        byAddress.remove(address);
        if (trusted.size() >= MAX_TRACKED) {
            trusted.values().removeIf(until -> until.isBefore(now));
        }
        if (trusted.size() < MAX_TRACKED) {
            trusted.put(user + '\n' + address, now.plus(Duration.ofDays(1)));
        }
    }

    private boolean isTrusted(String user, String address, Instant now) {
        Instant until = trusted.get(user + '\n' + address);
        return until != null && until.isAfter(now);
    }

    private static Optional<Duration> wait(Failures failures, int limit, Instant now) {
        if (failures == null || failures.count < limit || !failures.windowEnd().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.windowEnd()));
    }

    private static void count(Map<String, Failures> map, String key, Instant now) {
        Failures failures = map.get(key);
        if (failures == null || !failures.windowEnd().isAfter(now)) {
            if (map.size() >= MAX_TRACKED) {
                evictExpired(map, now);
            }
            failures = new Failures(now);
            map.put(key, failures);
        }
        failures.count++;
    }

    private static void evictExpired(Map<String, Failures> map, Instant now) {
        map.values().removeIf(f -> !f.windowEnd().isAfter(now));
        // Still full of live entries: forget the oldest one rather than grow without bound.
        Iterator<String> oldest = map.keySet().iterator();
        if (map.size() >= MAX_TRACKED && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static final class Failures {
        private final Instant start;
        private int count;

        Failures(Instant start) {
            this.start = start;
        }

        Instant windowEnd() {
            return start.plus(WINDOW);
        }
    }
}
