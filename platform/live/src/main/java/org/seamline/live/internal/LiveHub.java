package org.seamline.live.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.seamline.core.http.Json;
import org.seamline.core.security.CallerRechecks;
import org.seamline.core.users.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live streams and what they are told. Whoever posts an event only appends it to the {@link EventLog} and asks
 * the dispatcher to wake the streams, so no caller (EventAdmin's thread, a presence request) waits for a client;
 * the dispatcher writes to each stream only what its client takes without blocking. Periodic work comes from
 * {@link #heartbeat()} and {@link #expirePresence()}: heartbeats, presence that ran out, and re-checking each stream's credentials on another thread,
 * since that reads the store.
 */
final class LiveHub {

    /** Why a stream was not opened. */
    enum Refusal { TOO_MANY_STREAMS, TOO_MANY_STREAMS_FOR_USER }

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final byte[] RESET = "event: reset\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);

    private final LiveSettings settings;
    private final EventLog log;
    private final PresenceBoard presence;
    private final Clock clock;
    private final Executor dispatcher;
    private final Executor rechecker;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final Map<String, Integer> perUser = new HashMap<>();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final AtomicBoolean recheckRunning = new AtomicBoolean();

    LiveHub(LiveSettings settings, EventLog log, Clock clock, Executor dispatcher, Executor rechecker) {
        this.settings = settings;
        this.log = log;
        this.presence = new PresenceBoard(settings.viewing(), settings.typing(), settings.presencePerUser());
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.rechecker = rechecker;
    }

    /** Appends an event (ids only in {@code data}) and wakes the streams; returns its id. */
    long publish(String type, Map<String, ?> data) {
        long id = log.append(type, json(data));
        wake();
        return id;
    }

    PresenceBoard presence() {
        return presence;
    }

    void publish(PresenceBoard.Change change) {
        publish("presence", presenceData(change));
    }

    /** Takes a stream's place for {@code username}, or says why not; {@link #attach} or {@link #release} follows. */
    synchronized Optional<Refusal> admit(String username) {
        int total = perUser.values().stream().mapToInt(Integer::intValue).sum();
        if (total >= settings.maxStreams()) {
            return Optional.of(Refusal.TOO_MANY_STREAMS);
        }
        if (perUser.getOrDefault(username, 0) >= settings.maxStreamsPerUser()) {
            return Optional.of(Refusal.TOO_MANY_STREAMS_FOR_USER);
        }
        perUser.merge(username, 1, Integer::sum);
        return Optional.empty();
    }

    synchronized void release(String username) {
        perUser.computeIfPresent(username, (user, count) -> count > 1 ? count - 1 : null);
    }

    /**
     * Opens an admitted stream: resumes after {@code lastEventId} when the log still holds what followed it,
     * otherwise (or when a resume was asked for and is impossible) starts with {@code reset} and goes on live.
     * Every stream first hears who is present now.
     */
    Subscriber attach(Principal principal, CallerRechecks.Recheck recheck, String lastEventId, Sink sink) {
        long resume = lastEventId == null || lastEventId.isBlank() ? -1 : log.resumePosition(lastEventId);
        long start = resume >= 0 ? resume : log.head();
        Subscriber subscriber = new Subscriber(principal.username(), principal.role(), recheck, sink, start);
        subscriber.say(("retry: " + settings.retry().toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8));
        if (resume < 0 && lastEventId != null && !lastEventId.isBlank()) {
            // the id moves the client's Last-Event-ID to now, so a reconnect after the reload resumes from here
            subscriber.say(("id: " + log.id(start) + "\n").getBytes(StandardCharsets.UTF_8));
            subscriber.say(RESET);
        }
        for (PresenceBoard.Change present : presence.present()) {
            subscriber.say(("event: presence\ndata: " + json(presenceData(present)) + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        subscribers.add(subscriber);
        wake();
        return subscriber;
    }

    /** Forgets a stream that ended, however it ended. */
    void detach(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            subscriber.close();
            release(subscriber.username);
        }
    }

    /** Called by a stream's sink when its client can take more. */
    void pump(Subscriber subscriber) {
        if (!subscriber.pump(log, settings.maxLag())) {
            detach(subscriber);
        }
    }

    int openStreams() {
        return subscribers.size();
    }

    /** Reports presence that ran out; called about once a second. */
    void expirePresence() {
        presence.expire(clock.instant()).forEach(this::publish);
    }

    /** A heartbeat on every stream and (unless the last round still runs) a re-check of every stream's caller. */
    void heartbeat() {
        subscribers.forEach(Subscriber::heartbeat);
        wake();
        if (recheckRunning.compareAndSet(false, true)) {
            rechecker.execute(this::recheckAll);
        }
    }

    /** Ends every stream, as when the component stops. */
    void closeAll() {
        subscribers.forEach(this::detach);
    }

    private void wake() {
        if (wakeScheduled.compareAndSet(false, true)) {
            dispatcher.execute(() -> {
                wakeScheduled.set(false);
                subscribers.forEach(this::pump);
            });
        }
    }

    /**
     * Ends the streams whose session ended, whose token was revoked, or whose user was deleted, disabled or given
     * another role (the client reconnects and is held to the new role). A store that cannot answer ends nothing.
     */
    private void recheckAll() {
        try {
            for (Subscriber subscriber : subscribers) {
                Optional<Principal> now;
                try {
                    now = subscriber.recheck.now();
                } catch (SQLException e) {
                    LOG.debug("Could not re-check a live stream's credentials; it stays open", e);
                    continue;
                }
                if (now.isEmpty() || now.get().role() != subscriber.role) {
                    detach(subscriber);
                    if (now.isEmpty() && subscribers.stream().noneMatch(s -> s.username.equals(subscriber.username))) {
                        presence.leaveAll(subscriber.username).forEach(this::publish);
                    }
                }
            }
        } finally {
            recheckRunning.set(false);
        }
    }

    private static Map<String, Object> presenceData(PresenceBoard.Change change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", change.conversationId());
        data.put("username", change.username());
        data.put("state", change.state().id());
        return data;
    }

    private static String json(Map<String, ?> data) {
        try {
            return Json.mapper().writeValueAsString(data); // one line: the mapper does not indent
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("event data must be plain values", e);
        }
    }

}
