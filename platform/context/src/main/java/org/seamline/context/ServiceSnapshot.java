package org.seamline.context;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The service at one moment.
 *
 * @param perMinute              messages in (messages and calls) and out (replies queued) per channel per minute over
 *                               the last hour; minutes without any are left out
 * @param repliesFailedToday     replies queued today that ended as dead letters
 * @param openConversations      conversations open or pending
 * @param unassignedConversations of those, the ones nobody is assigned to
 * @param firstResponsesToday    conversations opened today that have had a first reply
 * @param medianFirstResponse    among those, the median time from opening to the first reply; null when there is none
 */
public record ServiceSnapshot(Instant at, List<MinuteCount> perMinute, long repliesFailedToday, long openConversations,
                              long unassignedConversations, long firstResponsesToday, Duration medianFirstResponse) {

    public ServiceSnapshot {
        perMinute = List.copyOf(perMinute);
    }

    /** Messages of one channel in one direction ({@code in} or {@code out}) in the minute starting at {@code minute}. */
    public record MinuteCount(Instant minute, String channel, String direction, long count) {
    }
}
