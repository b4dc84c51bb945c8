package org.seamline.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.seamline.core.security.CallerRechecks;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Role;

class LiveHubTest {

    private static final Principal ANN = new Principal("ann", Role.AGENT, Principal.Via.SESSION, "csrf");
    private static final Pattern ID = Pattern.compile("^id: (\\d+)$", Pattern.MULTILINE);

    private final LiveSettings settings = new LiveSettings(3, 2, 8, 4, Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(6), 5);
    private final MutableClock clock = new MutableClock();
    /** Executors run at once: the tests see the effect of each call when it returns. */
    private final LiveHub hub = new LiveHub(settings, new EventLog(settings.bufferedEvents(), 0, 1), clock, Runnable::run, Runnable::run);

    @Test
    void aStreamGetsEveryEventInOrderAsOneLineOfJsonWithIdsOnly() {
        Client client = open(ANN, null);
        hub.publish("message.received", Map.of("messageId", "m-1"));
        hub.publish("conversation.changed", Map.of("conversationId", "c-1"));
        String text = client.text();
        assertTrue(text.startsWith("retry: 2000\n\n"), text);
        assertTrue(text.contains("event: message.received\ndata: {\"messageId\":\"m-1\"}\n\n"), text);
        assertTrue(text.indexOf("message.received") < text.indexOf("conversation.changed"));
        assertEquals(List.of(1001L, 2001L), client.ids());
    }

    @Test
    void aResumeWithLastEventIdLosesNothingAndAnIdTooOldGetsAReset() {
        Client first = open(ANN, null);
        hub.publish("e", Map.of("n", 1));
        long seen = first.ids().get(0);
        hub.detach(first.subscriber);
        hub.publish("e", Map.of("n", 2));
        hub.publish("e", Map.of("n", 3));

        Client resumed = open(ANN, Long.toString(seen));
        assertEquals(List.of(seen + 1000, seen + 2000), resumed.ids());
        assertFalse(resumed.text().contains("reset"));

        for (int i = 0; i < settings.bufferedEvents(); i++) {
            hub.publish("e", Map.of("n", 4 + i));
        }
        Client tooLate = open(new Principal("bob", Role.AGENT, Principal.Via.TOKEN, null), Long.toString(seen));
        String text = tooLate.text();
        assertTrue(text.contains("event: reset\n"), text);
        assertEquals(hub.publish("e", Map.of()) - 1000, tooLate.ids().get(0), "the reset moves the client to now");
    }

    @Test
    void aClientThatStopsReadingIsClosedOnceTooFarBehindWithoutHoldingUpAnother() {
        Client stalled = open(ANN, null);
        Client reading = open(new Principal("bob", Role.AGENT, Principal.Via.BASIC, null), null);
        stalled.ready = false;
        for (int i = 0; i < settings.maxLag(); i++) {
            hub.publish("e", Map.of("n", i));
        }
        assertFalse(stalled.closed, "as far behind as allowed");
        hub.publish("e", Map.of("n", "one more"));
        assertTrue(stalled.closed);
        assertEquals(settings.maxLag() + 1, reading.ids().size());
        assertFalse(reading.closed);
        assertEquals(1, hub.openStreams());
    }

    @Test
    void aResumedClientThatReadsCatchesUpEvenFromFurtherBehindThanTheLagLimit() {
        Client first = open(ANN, null);
        hub.publish("e", Map.of());
        long seen = first.ids().get(0);
        hub.detach(first.subscriber);
        for (int i = 0; i < settings.maxLag() + 2; i++) {
            hub.publish("e", Map.of());
        }
        Client resumed = open(ANN, Long.toString(seen));
        assertEquals(settings.maxLag() + 2, resumed.ids().size());
        assertFalse(resumed.closed);
    }

    @Test
    void streamsAreCappedPerUserAndInTotal() {
        open(ANN, null);
        open(ANN, null);
        assertEquals(Optional.of(LiveHub.Refusal.TOO_MANY_STREAMS_FOR_USER), hub.admit("ann"));
        open(new Principal("bob", Role.AGENT, Principal.Via.BASIC, null), null);
        assertEquals(Optional.of(LiveHub.Refusal.TOO_MANY_STREAMS), hub.admit("carol"));
        hub.closeAll();
        assertEquals(Optional.empty(), hub.admit("carol"), "closed streams give their places back");
    }

    @Test
    void heartbeatsGoOutAndAStreamWhoseCredentialsNoLongerHoldEnds() {
        AtomicReference<Optional<Principal>> standing = new AtomicReference<>(Optional.of(ANN));
        Client client = open(ANN, null, standing::get);
        Client demoted = open(new Principal("dan", Role.SUPERVISOR, Principal.Via.BASIC, null), null,
                () -> Optional.of(new Principal("dan", Role.VIEWER, Principal.Via.BASIC, null)));
        hub.heartbeat();
        assertTrue(client.text().endsWith(":\n\n"), client.text());
        assertFalse(client.closed);
        assertTrue(demoted.closed, "held to the new role after reconnecting");

        standing.set(Optional.empty()); // signed out, session expired, or user deleted
        hub.heartbeat();
        assertTrue(client.closed);
        assertEquals(0, hub.openStreams());
    }

    @Test
    void aStoreThatCannotAnswerTheRecheckEndsNoStream() {
        Client client = open(ANN, null, () -> {
            throw new java.sql.SQLException("connection refused");
        });
        hub.heartbeat();
        assertFalse(client.closed);
    }

    @Test
    void presenceIsBroadcastExpiresOnTheClockAndANewStreamHearsWhoIsPresent() throws Exception {
        Client watcher = open(new Principal("bob", Role.AGENT, Principal.Via.BASIC, null), null);
        hub.presence().announce("c-1", "ann", PresenceBoard.State.TYPING, clock.instant()).ifPresent(hub::publish);
        assertTrue(watcher.text().contains("event: presence\ndata: {\"conversationId\":\"c-1\",\"username\":\"ann\",\"state\":\"typing\"}"),
                watcher.text());

        clock.advance(Duration.ofSeconds(6));
        hub.expirePresence();
        assertTrue(watcher.text().contains("\"state\":\"viewing\""), watcher.text());

        Client newcomer = open(new Principal("carol", Role.VIEWER, Principal.Via.SESSION, "x"), null);
        assertTrue(newcomer.text().contains("\"username\":\"ann\",\"state\":\"viewing\""), newcomer.text());

        clock.advance(Duration.ofSeconds(30));
        hub.expirePresence();
        assertTrue(watcher.text().contains("\"state\":\"left\""), watcher.text());
    }

    private Client open(Principal principal, String lastEventId) {
        return open(principal, lastEventId, () -> Optional.of(principal));
    }

    private Client open(Principal principal, String lastEventId, CallerRechecks.Recheck recheck) {
        assertEquals(Optional.empty(), hub.admit(principal.username()));
        Client client = new Client();
        client.subscriber = hub.attach(principal, recheck, lastEventId, client);
        return client;
    }

    /** A client's end of a stream: takes bytes while {@link #ready}. */
    private final class Client implements Sink {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        Subscriber subscriber;
        boolean ready = true;
        boolean closed;

        @Override
        public boolean isReady() {
            return ready && !closed;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            received.write(bytes);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            closed = true;
        }

        String text() {
            return received.toString(StandardCharsets.UTF_8);
        }

        List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            Matcher m = ID.matcher(text());
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            return ids;
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
