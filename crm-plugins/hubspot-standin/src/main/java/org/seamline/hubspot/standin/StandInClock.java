package org.seamline.hubspot.standin;

import java.time.Duration;
import java.time.Instant;

/**
 * The stand-in's time: the system clock, or stopped by a test and moved by what it adds, so rate windows, the daily
 * reset, the search index lag and record dates can be driven without waiting.
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

    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }
}
