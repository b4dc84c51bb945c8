package org.seamline.live.internal;

import java.nio.charset.StandardCharsets;

/**
 * The last events, as the bytes every stream sends, in a ring: streams read from it at their own pace, so a burst
 * costs one copy of each event, not one per client. Positions count up from a start chosen at boot; an event's id
 * is its position times 1000 plus this node's tag, so ids increase (also across restarts, as long as the clock does
 * and fewer than 1000 events a second were posted on average) and an id from another node or run is recognised as
 * unknown instead of being resumed from the wrong place.
 */
final class EventLog {

    /** An event in the log: its position and its frame. */
    record Entry(long position, byte[] frame) {
    }

    private static final int TAGS = 1000;

    private final Entry[] ring;
    private final int tag;
    /** Position of the last event appended; the first event gets {@code start + 1}. */
    private long head;
    private final long start;

    EventLog(int capacity, long start, int tag) {
        if (capacity < 1 || tag < 0 || tag >= TAGS) {
            throw new IllegalArgumentException("capacity must be positive and the tag below " + TAGS);
        }
        this.ring = new Entry[capacity];
        this.start = start;
        this.head = start;
        this.tag = tag;
    }

    /** Appends an event of {@code type} with one line of JSON and returns its id. */
    synchronized long append(String type, String json) {
        long position = head + 1;
        long id = id(position);
        String frame = "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
        ring[(int) (position % ring.length)] = new Entry(position, frame.getBytes(StandardCharsets.UTF_8));
        head = position;
        return id;
    }

    synchronized long head() {
        return head;
    }

    long id(long position) {
        return position * TAGS + tag;
    }

    /** The event after {@code position}, or null when there is none yet (or it has left the ring). */
    synchronized Entry after(long position) {
        if (position >= head || position < oldest() - 1) {
            return null;
        }
        Entry entry = ring[(int) ((position + 1) % ring.length)];
        return entry.position() == position + 1 ? entry : null;
    }

    /** Whether events after {@code position} have already left the ring. */
    synchronized boolean lost(long position) {
        return position < oldest() - 1;
    }

    /**
     * The position to resume after, for the id a client last saw ({@code Last-Event-ID}); -1 when no resume is
     * possible: not an id, from another node or run, or older than the ring holds.
     */
    synchronized long resumePosition(String lastEventId) {
        long id;
        try {
            id = Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
        if (id < 0 || id % TAGS != tag) {
            return -1;
        }
        long position = id / TAGS;
        return position >= oldest() - 1 && position <= head ? position : -1;
    }

    private long oldest() {
        return Math.max(start + 1, head - ring.length + 1);
    }
}
