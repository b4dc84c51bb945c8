package org.seamline.bitrix24.standin;

import java.time.Duration;
import java.time.Instant;

/**
 * The stand-in's time: the system clock, or stopped by a test, moved by what tests add; so the leaky bucket, the
 * operating window and record dates can be driven without waiting and without depending on how fast a test runs.
 */
public final class StandInClock {

    private Duration offset = Duration.ZERO;
    private Instant stopped;

    public synchronized Instant now() {
        return (stopped != null ? stopped : Instant.now()).plus(offset);
    }

    /** Time stands still until {@link #advance(Duration)} moves it. */
    public synchronized void stop() {
        stopped = Instant.now();
    }

    /** Moves the stand-in's time forward: the bucket drains and operating time expires as if it had passed. */
    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }
}
