package org.seamline.hubspot.standin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A private app's limits per account: a rolling ten-second window (100 on Free/Starter), a daily count that resets at
 * midnight in the account's time zone (250,000), and the search endpoints' own five per second, which are not counted
 * in the others and answer no rate headers. Tests raise the limits for speed or lower them to hit them.
 */
public final class RateLimits {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final StandInClock clock;
    private final Deque<Instant> interval = new ArrayDeque<>();
    private final Deque<Instant> searches = new ArrayDeque<>();
    private int intervalMax = 100;
    private long dailyMax = 250_000;
    private int searchesPerSecond = 5;
    private ZoneId zone = ZoneOffset.UTC;
    private LocalDate day;
    private long usedToday;

    RateLimits(StandInClock clock) {
        this.clock = clock;
    }

    /** Another tier's limits, e.g. Pro (190 per ten seconds, 650,000 a day); the counters start empty. */
    public synchronized void configure(int perTenSeconds, long perDay, int searchesPerSecond) {
        if (perTenSeconds < 1 || perDay < 1 || searchesPerSecond < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.intervalMax = perTenSeconds;
        this.dailyMax = perDay;
        this.searchesPerSecond = searchesPerSecond;
        interval.clear();
        searches.clear();
        usedToday = 0;
    }

    /** The account's time zone, where the daily limit resets at midnight. */
    public synchronized void zone(ZoneId zone) {
        this.zone = zone;
    }

    /** Counts a non-search request; the policy that refuses it, or null when admitted. */
    synchronized String admit() {
        Instant now = clock.now();
        rollDay(now);
        slide(interval, now.minus(INTERVAL));
        if (usedToday >= dailyMax) {
            return "DAILY";
        }
        if (interval.size() >= intervalMax) {
            return "TEN_SECONDLY_ROLLING";
        }
        interval.addLast(now);
        usedToday++;
        return null;
    }

    /** Counts a search request; false when over the per-second search limit. */
    synchronized boolean admitSearch() {
        Instant now = clock.now();
        slide(searches, now.minusSeconds(1));
        if (searches.size() >= searchesPerSecond) {
            return false;
        }
        searches.addLast(now);
        return true;
    }

    /** The {@code X-HubSpot-RateLimit-*} headers a non-search answer carries. */
    synchronized Map<String, String> headers() {
        Instant now = clock.now();
        rollDay(now);
        slide(interval, now.minus(INTERVAL));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-HubSpot-RateLimit-Daily", String.valueOf(dailyMax));
        headers.put("X-HubSpot-RateLimit-Daily-Remaining", String.valueOf(Math.max(0, dailyMax - usedToday)));
        headers.put("X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(INTERVAL.toMillis()));
        headers.put("X-HubSpot-RateLimit-Max", String.valueOf(intervalMax));
        headers.put("X-HubSpot-RateLimit-Remaining", String.valueOf(Math.max(0, intervalMax - interval.size())));
        return headers;
    }

    private void rollDay(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            usedToday = 0;
        }
    }

    private static void slide(Deque<Instant> window, Instant oldestKept) {
        while (!window.isEmpty() && !window.peekFirst().isAfter(oldestKept)) {
            window.pollFirst();
        }
    }
}
