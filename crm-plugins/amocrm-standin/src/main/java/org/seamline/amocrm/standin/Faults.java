package org.seamline.amocrm.standin;

import java.util.ArrayDeque;
import java.util.Deque;

/** Faults queued by a test for the next API requests (the OAuth endpoint has its own, see {@link OAuth}). */
public final class Faults {

    private final Deque<Fault> queued = new ArrayDeque<>();

    /** The next {@code requests} requests fail with {@code fault}, after any queued before. */
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
