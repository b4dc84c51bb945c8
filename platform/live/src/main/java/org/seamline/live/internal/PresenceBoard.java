package org.seamline.live.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is viewing or typing in which conversation, in memory. An announcement holds for a while and must be renewed:
 * viewing for {@code viewingFor}, typing for the shorter {@code typingFor} (typing also counts as viewing). Only
 * changes are reported, so renewals cost the streams nothing; a typing that runs out falls back to viewing, and a
 * viewing that runs out is reported as {@code left}.
 */
final class PresenceBoard {

    enum State {
        VIEWING, TYPING, LEFT;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The state named in a request, or null for anything else. */
        static State of(String id) {
            for (State state : values()) {
                if (state.id().equals(id)) {
                    return state;
                }
            }
            return null;
        }
    }

    /** What the streams are told. */
    record Change(String conversationId, String username, State state) {
    }

    /** Refused: the user already shows presence in as many conversations as allowed. */
    static final class TooManyConversationsException extends Exception {
        private static final long serialVersionUID = 1L;

        TooManyConversationsException(int limit) {
            super("presence is shown in at most " + limit + " conversations at once; leave one first");
        }
    }

    private record Key(String conversationId, String username) {
    }

    private static final class Entry {
        Instant viewingUntil;
        Instant typingUntil;
        /** What the streams were last told: changes are judged against it, not against the clock. */
        State shown = State.LEFT;
    }

    private final Duration viewingFor;
    private final Duration typingFor;
    private final int perUser;
    private final Map<Key, Entry> entries = new HashMap<>();

    PresenceBoard(Duration viewingFor, Duration typingFor, int perUser) {
        this.viewingFor = viewingFor;
        this.typingFor = typingFor;
        this.perUser = perUser;
    }

    synchronized Optional<Change> announce(String conversationId, String username, State state, Instant now)
            throws TooManyConversationsException {
        Key key = new Key(conversationId, username);
        Entry entry = entries.get(key);
        if (state == State.LEFT) {
            return entries.remove(key) == null ? Optional.empty() : Optional.of(new Change(conversationId, username, State.LEFT));
        }
        if (entry == null) {
            if (entries.keySet().stream().filter(k -> k.username().equals(username)).count() >= perUser) {
                throw new TooManyConversationsException(perUser);
            }
            entry = new Entry();
            entries.put(key, entry);
        }
        entry.viewingUntil = now.plus(viewingFor);
        entry.typingUntil = state == State.TYPING ? now.plus(typingFor) : null;
        State before = entry.shown;
        entry.shown = state;
        return before == state ? Optional.empty() : Optional.of(new Change(conversationId, username, state));
    }

    /** Ends what ran out by {@code now}: typing becomes viewing, viewing becomes left. */
    synchronized List<Change> expire(Instant now) {
        List<Change> changes = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Entry>> i = entries.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<Key, Entry> e = i.next();
            Key key = e.getKey();
            Entry entry = e.getValue();
            if (!entry.viewingUntil.isAfter(now)) {
                i.remove();
                changes.add(new Change(key.conversationId(), key.username(), State.LEFT));
            } else if (entry.shown == State.TYPING && !entry.typingUntil.isAfter(now)) {
                entry.shown = State.VIEWING;
                changes.add(new Change(key.conversationId(), key.username(), State.VIEWING));
            }
        }
        return changes;
    }

    /** Everyone present now, for a stream that just opened. */
    synchronized List<Change> present() {
        List<Change> present = new ArrayList<>();
        entries.forEach((key, entry) -> present.add(new Change(key.conversationId(), key.username(), entry.shown)));
        return present;
    }

    /** Removes a user everywhere (deleted, or its last stream ended), reporting each {@code left}. */
    synchronized List<Change> leaveAll(String username) {
        List<Change> changes = new ArrayList<>();
        for (Iterator<Key> i = entries.keySet().iterator(); i.hasNext(); ) {
            Key key = i.next();
            if (key.username().equals(username)) {
                i.remove();
                changes.add(new Change(key.conversationId(), username, State.LEFT));
            }
        }
        return changes;
    }
}
