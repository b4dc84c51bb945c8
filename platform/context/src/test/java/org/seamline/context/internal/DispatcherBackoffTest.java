package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;

class DispatcherBackoffTest {

    @RepeatedTest(20)
    void backoffGrowsWithAttemptsHasJitterAndIsCapped() {
        Duration first = Dispatcher.backoff(1);
        Duration fourth = Dispatcher.backoff(4);
        Duration late = Dispatcher.backoff(40);

        assertTrue(first.toMillis() >= 500 && first.toMillis() <= 1000, "first retry within 0.5-1 s: " + first);
        assertTrue(fourth.toMillis() >= 4000 && fourth.toMillis() <= 8000, "fourth within 4-8 s: " + fourth);
        assertTrue(late.compareTo(Duration.ofMinutes(10)) <= 0 && late.compareTo(Duration.ofMinutes(5)) >= 0, "capped: " + late);
    }

    @RepeatedTest(5)
    void aProvidersRetryAfterIsHonouredWhenLongerThanTheBackoffAndCapped() {
        assertEquals(Duration.ofMinutes(30), Dispatcher.delay(1, Optional.of(Duration.ofMinutes(30))));
        assertEquals(Dispatcher.MAX_RETRY_AFTER, Dispatcher.delay(1, Optional.of(Duration.ofDays(2))));
        Duration late = Dispatcher.delay(12, Optional.of(Duration.ofSeconds(1)));
        assertTrue(late.compareTo(Duration.ofMinutes(5)) >= 0, "a short retry-after does not undercut the backoff: " + late);
    }
}
