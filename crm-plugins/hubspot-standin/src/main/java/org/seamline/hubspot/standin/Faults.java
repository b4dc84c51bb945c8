package org.seamline.hubspot.standin;

import java.util.ArrayDeque;
import java.util.Deque;

/** Faults queued by a test for the next authenticated requests, in order. */
public final class Faults {

    private final Deque<Fault> queued = new ArrayDeque<>();

    public synchronized void next(int requests, Fault fault) {
        for (int i = 0; i < requests; i++) {
            queued.addLast(fault);
        }
    }

    public synchronized void clear() {
        queued.clear();
    }

    synchronized Fault poll() {
        return queued.pollFirst();
    }
}
