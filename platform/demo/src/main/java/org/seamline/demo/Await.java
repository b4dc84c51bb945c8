package org.seamline.demo;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition the platform makes true asynchronously (it polls, processes, commits), checking it often. */
final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /**
     * Returns once {@code condition} holds; an exception from it counts as "not yet", except a
     * {@link DemoFailure}, which ends the wait. Fails, naming {@code what} and the
     * last exception, when it does not hold within {@code timeout}.
     */
    static void until(String what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (DemoFailure e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure(what + ": interrupted");
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new DemoFailure(what + " did not happen within " + timeout.toSeconds() + " s"
                        + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure(what + ": interrupted");
            }
        }
    }
}
