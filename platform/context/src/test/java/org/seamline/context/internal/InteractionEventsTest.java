package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.Party;
import org.seamline.context.InteractionEvent;
import org.seamline.context.TimelineEntry;

/** A call's later steps appended to its interaction through the SPI, on a real H2 and a real PostgreSQL. */
class InteractionEventsTest {

    private static final String CALL = "CA0123456789abcdef0123456789abcdef";

    private TestContext context;
    private InteractionEventsService events;
    private String customerId;

    private void setUp(String kind) throws Exception {
        context = new TestContext(kind);
        events = new InteractionEventsService(context.database);
        context.inbox.insert(List.of(new InboundMessage("voice", "main", CALL,
                Party.of(null, new Identifier("phone", "+79161234567")), "Incoming call", null, null, null,
                Map.of(MessageMetadata.KIND, MessageMetadata.CALL))));
        context.pending().processPending();
        customerId = context.directory.findByIdentifier("phone", "+79161234567").orElseThrow().id();
    }

    private List<InteractionEvent> callEvents() throws Exception {
        TimelineEntry call = context.conversations.timeline(customerId, 0, 10).items().stream()
                .filter(e -> CALL.equals(e.providerMessageId())).findFirst().orElseThrow();
        return call.events();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCallsStepsAreRecordedOncePerKeyInOrderOnItsTimelineEntry(String kind) throws Exception {
        setUp(kind);
        assertTrue(events.record("voice", "main", CALL, "ivr:route:1", "ivr", Map.of("outcome", "no-input"), null));
        assertTrue(events.record("voice", "main", CALL, "ivr:route:2", "ivr", Map.of("digits", "1", "outcome", "hours"), null));
        assertTrue(events.record("voice", "main", CALL, "ivr:route:1", "ivr", Map.of("outcome", "redelivered"), null),
                "a redelivery answers as the first did");

        List<InteractionEvent> recorded = callEvents();
        assertEquals(List.of("ivr:route:1", "ivr:route:2"), recorded.stream().map(InteractionEvent::key).toList());
        assertEquals(Map.of("outcome", "no-input"), recorded.get(0).details(), "the first delivery's details stay");
        assertEquals(Map.of("digits", "1", "outcome", "hours"), recorded.get(1).details());
        String interaction = context.conversations.timeline(customerId, 0, 10).items().get(0).interactionId();
        assertEquals(recorded, context.conversations.events(List.of(interaction)).get(interaction),
                "the interaction's own view shows the same events");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anEventForNoAcceptedInteractionRecordsNothing(String kind) throws Exception {
        setUp(kind);
        assertFalse(events.record("voice", "main", "CAunknown", "status:1", "status", Map.of(), null));
        assertFalse(events.record("voice", "other", CALL, "status:1", "status", Map.of(), null),
                "another instance's call of the same id is not this one");
        assertThrows(IllegalArgumentException.class,
                () -> events.record("voice", "main", CALL, "k".repeat(256), "ivr", Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> events.record("voice", "main", CALL, "ivr:1", " ", Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> events.record("voice", "main", CALL, "ivr:1", "ivr",
                Map.of("transcript", "x".repeat(InteractionEventsService.MAX_DETAIL_LENGTH + 1)), null));
        assertEquals(0, rows("interaction_event"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentRedeliveriesOfOneStatusCallbackRecordItOnce(String kind) throws Exception {
        setUp(kind);
        int deliveries = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                Callable<Boolean> delivery = () -> {
                    start.await();
                    return events.record("voice", "main", CALL, "status:3", "status",
                            Map.of("callStatus", "completed", "callDuration", "42"), null);
                };
                answers.add(pool.submit(delivery));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get(), "every delivery is acknowledged");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rows("interaction_event"));
        assertEquals(List.of("status:3"), callEvents().stream().map(InteractionEvent::key).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRecordingIsExportedWithTheCallerAndErasedWithThem(String kind) throws Exception {
        setUp(kind);
        Attachment recording = context.attachments.store("voice", "main", "voicemail-RE1.mp3", "audio/mpeg",
                new byte[] {9, 8, 7});
        assertTrue(events.record("voice", "main", CALL, "RE1", "recording", Map.of("duration", "12"), List.of(recording)));
        assertTrue(events.record("voice", "main", CALL, "TR1", "transcription",
                Map.of("text", "please call me back about order 4711"), null));

        Map<String, Object> export = context.privacy.export(customerId).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, List<InteractionEvent>> exported = (Map<String, List<InteractionEvent>>) export.get("interactionEvents");
        List<InteractionEvent> callEvents = exported.values().iterator().next();
        assertEquals(List.of(recording), callEvents.get(0).attachments(), "the export holds the recording");
        assertEquals("please call me back about order 4711", callEvents.get(1).details().get("text"));

        Map<String, Integer> removed = context.privacy.erase(customerId, "admin").orElseThrow().removed();

        assertEquals(2, removed.get("interaction_event"));
        assertEquals(0, rows("interaction_event"));
        assertTrue(context.attachments.file(recording.url().substring(AttachmentStore.URL_PREFIX.length())).isEmpty(),
                "the recording is erased with the caller");
        assertFalse(events.record("voice", "main", CALL, "TR2", "transcription", Map.of("text", "late"), null),
                "a late callback for an erased call records nothing");
    }

    private int rows(String table) throws Exception {
        try (Connection c = context.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }
}
