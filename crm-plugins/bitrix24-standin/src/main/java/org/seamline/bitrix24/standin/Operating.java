package org.seamline.bitrix24.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Bitrix24's resource limit ({@code limits.md}): the execution seconds of each method are summed over ten minutes;
 * above the limit (480 s in the cloud) that method alone answers 429 {@code OPERATION_TIME_LIMIT} until enough of
 * its time has left the window. Each call costs {@link #costPerCall(double)} seconds; tests may charge more.
 */
public final class Operating {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private record Charge(Instant at, double seconds) {
    }

    private final StandInClock clock;
    private final Map<String, Deque<Charge>> charges = new HashMap<>();
    private double limitSeconds = 480;
    private double costPerCall = 0.01;

    Operating(StandInClock clock) {
        this.clock = clock;
    }

    public synchronized void limitSeconds(double seconds) {
        this.limitSeconds = seconds;
    }

    public synchronized void costPerCall(double seconds) {
        this.costPerCall = seconds;
    }

    /** Books execution time to a method, as a heavy call would. */
    public synchronized void charge(String method, double seconds) {
        charges.computeIfAbsent(method, key -> new ArrayDeque<>()).addLast(new Charge(clock.now(), seconds));
    }

    /** Refuses the method while its time in the window is over the limit. */
    synchronized void check(String method) {
        if (used(method) > limitSeconds) {
            throw new ApiError(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit");
        }
    }

    /** Books one call and answers the method's time in the window, the {@code operating} of the time block. */
    synchronized double book(String method) {
        charge(method, costPerCall);
        return used(method);
    }

    /** When the oldest booked time of the method leaves the window (unix seconds), the {@code operating_reset_at}. */
    synchronized long resetAt(String method) {
        used(method);
        Deque<Charge> booked = charges.get(method);
        Instant oldest = booked == null || booked.isEmpty() ? clock.now() : booked.peekFirst().at();
        return oldest.plus(WINDOW).getEpochSecond();
    }

    private double used(String method) {
        Deque<Charge> booked = charges.get(method);
        if (booked == null) {
            return 0;
        }
        Instant from = clock.now().minus(WINDOW);
        while (!booked.isEmpty() && booked.peekFirst().at().isBefore(from)) {
            booked.removeFirst();
        }
        return booked.stream().mapToDouble(Charge::seconds).sum();
    }
}
