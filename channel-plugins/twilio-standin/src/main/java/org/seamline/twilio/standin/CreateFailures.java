package org.seamline.twilio.standin;

import java.util.ArrayDeque;
import java.util.Deque;

/** Planned answers for the next creates: refuse outright, or store the resource and still answer an error. */
final class CreateFailures {

    record Planned(ApiError error, boolean acceptFirst) {
    }

    private final Deque<Planned> planned = new ArrayDeque<>();

    synchronized void add(int count, ApiError error, boolean acceptFirst) {
        for (int i = 0; i < count; i++) {
            planned.add(new Planned(error, acceptFirst));
        }
    }

    /** The plan for this create, or null for a normal answer. */
    synchronized Planned next() {
        return planned.poll();
    }
}
