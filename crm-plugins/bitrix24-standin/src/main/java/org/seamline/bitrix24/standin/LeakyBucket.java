package org.seamline.bitrix24.standin;

import java.time.Duration;
import java.time.Instant;

/**
 * Bitrix24's request-intensity limit ({@code limits.md}): every request adds one to a counter that drains at a fixed
 * rate; a request that would take it over the threshold is refused with 503 {@code QUERY_LIMIT_EXCEEDED}. Defaults
 * are the non-Enterprise plans: drains 2 per second, threshold 50.
 */
public final class LeakyBucket {

    private final StandInClock clock;
    private double threshold = 50;
    private double drainPerSecond = 2;
    private double level;
    private Instant drainedAt;

    LeakyBucket(StandInClock clock) {
        this.clock = clock;
        this.drainedAt = clock.now();
    }

    /** Another plan's limits, e.g. Enterprise (250, 5/s); the counter starts empty. */
    public synchronized void configure(int threshold, double drainPerSecond) {
        if (threshold < 1 || drainPerSecond <= 0) {
            throw new IllegalArgumentException("threshold and drain rate must be positive");
        }
        this.threshold = threshold;
        this.drainPerSecond = drainPerSecond;
        this.level = 0;
        this.drainedAt = clock.now();
    }

    /** The counter at its threshold: the next request is refused until it drains. */
    public synchronized void fill() {
        drain();
        level = threshold;
    }

    public synchronized double level() {
        drain();
        return level;
    }

    /** Counts one request; false when the bucket is full and the request must be refused. */
    synchronized boolean admit() {
        drain();
        if (level + 1 > threshold) {
            return false;
        }
        level += 1;
        return true;
    }

    private void drain() {
        Instant now = clock.now();
        double seconds = Math.max(0, Duration.between(drainedAt, now).toNanos() / 1e9);
        level = Math.max(0, level - seconds * drainPerSecond);
        drainedAt = now;
    }
}
