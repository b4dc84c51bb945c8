package org.seamline.context.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.channel.Capability;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.channel.SendResult;
import org.seamline.api.health.Health;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationStatus;
import org.seamline.context.ProfileChange;
import org.seamline.context.QueuedReply;
import org.seamline.context.ReplyException;
import org.seamline.context.ReplyTemplate;
import org.seamline.context.TimelineEntry;

/**
 * A channel with a customer-service window (WhatsApp): the window an inbound message opens is recorded when the
 * message is processed, free text is refused while it is closed unless the reply names a template, a provider's
 * word that a reply needs an agent flags its conversation, and a customer quoting a reply continues its conversation.
 * On a real H2 and PostgreSQL.
 */
class ServiceWindowRepliesTest {

    private static final Identifier ANA = new Identifier("whatsapp", "+5511987654321");
    private static final ReplyTemplate ORDER_UPDATE = new ReplyTemplate("order_update", Map.of("1", "Ana"));

    /** Sends whatever it is given, as a provider's API would, and says it has a service window. */
    static final class WindowChannel implements ChannelAdapter {
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();

        @Override
        public String channel() {
            return "whatsapp";
        }

        @Override
        public String instance() {
            return "main";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.TEXT, Capability.TEMPLATES, Capability.SERVICE_WINDOW);
        }

        @Override
        public SendResult send(OutboundMessage message) {
            sent.add(message);
            return new SendResult("SM" + sent.size(), DeliveryStatus.SENT);
        }

        @Override
        public Health health() {
            return Health.up();
        }
    }

    private TestContext context;
    private WindowChannel whatsapp;
    private ReplyService replies;
    private Dispatcher dispatcher;
    private DeliveryReportsService reports;
    private CustomerSignalsService signals;

    private void setUp(String kind) throws Exception {
        context = new TestContext(kind);
        ChannelAdapters adapters = new ChannelAdapters();
        whatsapp = new WindowChannel();
        adapters.add(whatsapp);
        replies = new ReplyService(context.database, context.inbox, adapters, context.publisher, context.attachments);
        dispatcher = new Dispatcher(context.database, adapters, context.publisher, Dispatcher.FIRST_BACKOFF);
        reports = new DeliveryReportsService(context.database, context.publisher);
        signals = new CustomerSignalsService(context.database, context.profiles, adapters, TestConfiguration.defaults());
    }

    /** A WhatsApp message received at {@code receivedAt}, its window 24 h from then; answers its conversation. */
    private String receive(String sid, Instant receivedAt) throws Exception {
        context.inbox.insert(List.of(new InboundMessage("whatsapp", "main", sid, Party.of("Ana", ANA), "Where is my order?",
                null, null, receivedAt, Map.of(MessageMetadata.SERVICE_WINDOW_UNTIL, receivedAt.plus(Duration.ofHours(24)).toString()))));
        context.pending().processPending();
        return context.conversations.conversations(null, null, null, 0, 50).items().get(0).id();
    }

    private OutboundMessage sendDue() throws Exception {
        int before = whatsapp.sent.size();
        dispatcher.dispatchDue();
        await().until(() -> dispatcher.inFlight() == 0 && whatsapp.sent.size() > before);
        return whatsapp.sent.get(whatsapp.sent.size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theWindowAMessageOpensIsRecordedForTheCustomerItCreates(String kind) throws Exception {
        setUp(kind);
        Instant received = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minusSeconds(60);
        String conversation = receive("SMin1", received);

        assertEquals(java.util.Optional.of(received.plus(Duration.ofHours(24))), signals.serviceWindowUntil("whatsapp", ANA));
        replies.reply(conversation, "It ships today", List.of(), null, null, null);
        assertEquals("It ships today", sendDue().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void freeTextIsRefusedOnceTheWindowClosedButATemplateGoesOutInTheCustomersLanguage(String kind) throws Exception {
        setUp(kind);
        String conversation = receive("SMin1", Instant.now().minus(Duration.ofHours(25)));
        String anaId = context.directory.findByIdentifier("whatsapp", ANA.value()).orElseThrow().id();
        context.profiles.change(anaId, new ProfileChange(null, null, null, null, "ru"), "agent");

        ReplyException refused = assertThrows(ReplyException.class,
                () -> replies.reply(conversation, "It ships today", List.of(), null, null, null));
        assertEquals(ReplyException.Kind.TEMPLATE_REQUIRED, refused.kind());
        assertTrue(refused.getMessage().contains("name an approved template"), refused.getMessage());

        replies.reply(conversation, "It ships today", List.of(), null, null, ORDER_UPDATE, null);
        OutboundMessage sent = sendDue();
        assertEquals(Map.of(MessageMetadata.TEMPLATE, "order_update", MessageMetadata.TEMPLATE_VARIABLES, "{\"1\":\"Ana\"}",
                MessageMetadata.LANGUAGE, "ru"), Map.of(MessageMetadata.TEMPLATE, sent.metadata().get(MessageMetadata.TEMPLATE),
                MessageMetadata.TEMPLATE_VARIABLES, sent.metadata().get(MessageMetadata.TEMPLATE_VARIABLES),
                MessageMetadata.LANGUAGE, sent.metadata().get(MessageMetadata.LANGUAGE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWindowTheChannelClosesRefusesFreeTextAndAnUnknownWindowToo(String kind) throws Exception {
        setUp(kind);
        String conversation = receive("SMin1", Instant.now());
        assertTrue(signals.serviceWindow("whatsapp", "main", ANA, Instant.now().minusSeconds(1)), "63016: closed now");
        assertEquals(ReplyException.Kind.TEMPLATE_REQUIRED, assertThrows(ReplyException.class,
                () -> replies.reply(conversation, "hello?", List.of(), null, null, null)).kind());

        context.inbox.insert(List.of(new InboundMessage("whatsapp", "main", "SMin2",
                Party.of(null, new Identifier("whatsapp", "+5511900000000")), "no window reported", null, null, null, null)));
        context.pending().processPending();
        String other = context.conversations.conversations(context.directory.findByIdentifier("whatsapp", "+5511900000000")
                .orElseThrow().id(), null, null, 0, 1).items().get(0).id();
        assertEquals(ReplyException.Kind.TEMPLATE_REQUIRED, assertThrows(ReplyException.class,
                () -> replies.reply(other, "hello?", List.of(), null, null, null)).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theTemplateIsPartOfWhatAnIdempotencyKeyStandsFor(String kind) throws Exception {
        setUp(kind);
        String conversation = receive("SMin1", Instant.now().minus(Duration.ofHours(30)));
        QueuedReply first = replies.reply(conversation, "It ships", List.of(), null, null, ORDER_UPDATE, "ship-1");

        assertTrue(replies.reply(conversation, "It ships", List.of(), null, null,
                new ReplyTemplate("order_update", Map.of("1", "Ana")), "ship-1").duplicate());
        assertEquals(ReplyException.Kind.IDEMPOTENCY_KEY_REUSED, assertThrows(ReplyException.class,
                () -> replies.reply(conversation, "It ships", List.of(), null, null,
                        new ReplyTemplate("order_update", Map.of("1", "Boris")), "ship-1")).kind());
        assertEquals(first.messageId(), replies.reply(conversation, "It ships", List.of(), null, null, ORDER_UPDATE, "ship-1").messageId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFlaggedReplySetsItsConversationOpenWithTheReasonOnceHoweverOftenItIsReported(String kind) throws Exception {
        setUp(kind);
        String conversation = receive("SMin1", Instant.now());
        QueuedReply reply = replies.reply(conversation, "It ships today", List.of(), null, null, null);
        context.conversations.change(conversation, new ConversationChange(ConversationStatus.PENDING, null, Map.of()), "agent-7");

        assertTrue(reports.flag(reply.messageId(), "the window had closed (63016)"));
        assertTrue(reports.flag(reply.messageId(), "the window had closed (63016)"), "a repeated callback");

        assertEquals(ConversationStatus.OPEN, context.conversations.conversation(conversation).orElseThrow().status());
        List<TimelineEntry> entries = context.conversations.messages(conversation, 0, 50).items();
        assertEquals(List.of("the window had closed (63016)"), entries.stream()
                .filter(e -> e.kind().equals("conversation:flagged")).map(TimelineEntry::text).toList());
        assertEquals(reply.messageId(), entries.stream().filter(e -> e.kind().equals("conversation:flagged"))
                .findFirst().orElseThrow().interactionId());
        assertTrue(entries.stream().anyMatch(e -> e.kind().equals("conversation:open")
                && e.text().equals("status pending → open by whatsapp/main")));
        assertFalse(reports.flag("no-such-message", "the window had closed (63016)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCustomerQuotingOurReplyContinuesThatConversationRatherThanTheLatest(String kind) throws Exception {
        setUp(kind);
        PendingMessages perThread = context.pending(20, ConversationStore.Continuity.THREAD, Duration.ofDays(7));
        Instant now = Instant.now();
        context.inbox.insert(List.of(new InboundMessage("whatsapp", "main", "SMin1", Party.of("Ana", ANA), "order 1",
                null, null, now, Map.of(MessageMetadata.THREAD, "order-1",
                        MessageMetadata.SERVICE_WINDOW_UNTIL, now.plus(Duration.ofHours(24)).toString()))));
        perThread.processPending();
        String first = context.conversations.conversations(null, null, null, 0, 50).items().get(0).id();
        replies.reply(first, "Order 1 ships today", List.of(), null, null, null);
        sendDue(); // the provider's id of this reply is SM1
        context.inbox.insert(List.of(new InboundMessage("whatsapp", "main", "SMin2", Party.of("Ana", ANA), "order 2",
                null, null, null, Map.of(MessageMetadata.THREAD, "order-2"))));
        perThread.processPending();

        context.inbox.insert(List.of(new InboundMessage("whatsapp", "main", "SMin3", Party.of("Ana", ANA), "thanks!",
                null, null, null, Map.of(MessageMetadata.REFERENCES, "SM1"))));
        perThread.processPending();

        String anaId = context.directory.findByIdentifier("whatsapp", ANA.value()).orElseThrow().id();
        assertEquals(2, context.conversations.conversations(anaId, null, null, 0, 50).total());
        assertEquals(first, context.conversations.timeline(anaId, 0, 50).items().stream()
                .filter(e -> "thanks!".equals(e.text())).findFirst().orElseThrow().conversationId(),
                "the quoted reply's conversation, not the latest one");
    }
}
