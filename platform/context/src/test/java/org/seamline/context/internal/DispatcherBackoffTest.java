package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;

class DispatcherBackoffTest {

    @RepeatedTest(20)
    void backoffGrowsWithAttemptsHasJitterAndIsCapped() {
        Duration first = Dispatcher.backoff(Dispatcher.FIRST_BACKOFF, 1);
        Duration fourth = Dispatcher.backoff(Dispatcher.FIRST_BACKOFF, 4);
        Duration late = Dispatcher.backoff(Dispatcher.FIRST_BACKOFF, 40);

        assertTrue(first.toMillis() >= 500 && first.toMillis() <= 1000, "first retry within 0.5-1 s: " + first);
        assertTrue(fourth.toMillis() >= 4000 && fourth.toMillis() <= 8000, "fourth within 4-8 s: " + fourth);
        assertTrue(late.compareTo(Duration.ofMinutes(10)) <= 0 && late.compareTo(Duration.ofMinutes(5)) >= 0, "capped: " + late);
    }

    @RepeatedTest(5)
    void aProvidersRetryAfterIsHonouredWhenLongerThanTheBackoffAndCapped() {
        assertEquals(Duration.ofMinutes(30), Dispatcher.delay(Dispatcher.FIRST_BACKOFF, 1, Optional.of(Duration.ofMinutes(30))));
        assertEquals(Dispatcher.MAX_RETRY_AFTER, Dispatcher.delay(Dispatcher.FIRST_BACKOFF, 1, Optional.of(Duration.ofDays(2))));
        Duration late = Dispatcher.delay(Dispatcher.FIRST_BACKOFF, 12, Optional.of(Duration.ofSeconds(1)));
        assertTrue(late.compareTo(Duration.ofMinutes(5)) >= 0, "a short retry-after does not undercut the backoff: " + late);
    }

    @RepeatedTest(5)
    void aConfiguredFirstRetryScalesTheWholeSeries() {
        Duration third = Dispatcher.backoff(Duration.ofMillis(100), 3);
        assertTrue(third.toMillis() >= 200 && third.toMillis() <= 400, "third within 0.2-0.4 s: " + third);
    }
}
