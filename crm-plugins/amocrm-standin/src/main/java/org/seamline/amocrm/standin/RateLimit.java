package org.seamline.amocrm.standin;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * amoCRM's limit of 7 API requests per second per integration: a request that would be the eighth within one
 * second is answered 429. A sliding window over the stand-in's clock; refused requests do not count.
 */
public final class RateLimit {

    public static final int AMOCRM_PER_SECOND = 7;

    private final StandInClock clock;
    private final Deque<Instant> admitted = new ArrayDeque<>();
    private int perSecond = AMOCRM_PER_SECOND;

    RateLimit(StandInClock clock) {
        this.clock = clock;
    }

    /** Another limit, e.g. a high one so a test that makes many calls is not refused. */
    public synchronized void perSecond(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("the limit must be positive");
        }
        this.perSecond = perSecond;
        admitted.clear();
    }

    synchronized boolean admit() {
        Instant now = clock.now();
        Instant windowStart = now.minusSeconds(1);
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(windowStart)) {
            admitted.pollFirst();
        }
        if (admitted.size() >= perSecond) {
            return false;
        }
        admitted.addLast(now);
        return true;
    }
}
