package org.seamline.live.internal;

import java.time.Duration;

/** The checked settings of the live updates. */
record LiveSettings(int maxStreams, int maxStreamsPerUser, int bufferedEvents, int maxLag, Duration heartbeat,
        Duration viewing, Duration typing, int presencePerUser) {

    LiveSettings {
        if (maxStreams < 1 || maxStreamsPerUser < 1 || presencePerUser < 1 || maxLag < 1 || bufferedEvents <= maxLag) {
            throw new IllegalArgumentException("stream limits must be positive and the events kept for resuming more than "
                    + "a stalled client may fall behind");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || typing.isZero() || typing.compareTo(viewing) > 0) {
            throw new IllegalArgumentException("the heartbeat must be positive and typing last no longer than viewing");
        }
    }

    static LiveSettings of(LiveConfiguration config) {
        return new LiveSettings(config.maxStreams(), config.maxStreamsPerUser(), config.bufferedEvents(),
                config.maxLagEvents(), Duration.ofSeconds(config.heartbeatSeconds()),
                Duration.ofSeconds(config.viewingSeconds()), Duration.ofSeconds(config.typingSeconds()),
                config.presencePerUser());
    }

    /** How long a browser waits before it reconnects (the stream's {@code retry:}). */
    Duration retry() {
        return Duration.ofSeconds(2);
    }
}
