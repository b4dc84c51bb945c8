package org.seamline.crm.sync.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … up to a ceiling, each ±20 % so many tasks do not return at once. */
record Backoff(Duration ceiling) {

    Duration after(int attempts) {
        long seconds = Math.min(ceiling.toSeconds(), 1L << Math.min(30, Math.max(1, attempts)));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (seconds * 1000 * jitter));
    }
}
