package org.seamline.amocrm.standin;

import java.time.Duration;
import java.time.Instant;

/**
 * The stand-in's time: the system clock moved forward by what tests add, so token expiry, the rate window and
 * record times can be driven without waiting. amoCRM keeps times in whole seconds, and so do the records here.
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

    public long epochSecond() {
        return now().getEpochSecond();
    }

    /** Moves the stand-in's time forward, as if that much had passed. */
    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }
}
