package org.seamline.context.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.channel.Capability;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.health.Health;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.DeliveryUpdate;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ContextEvents;
import org.seamline.context.FailedReply;
import org.seamline.context.QueuedReply;
import org.seamline.context.ReplyException;

/** Replies through the outbox and providers' later reports, merged by rank; on a real H2 and PostgreSQL. */
class DeliveryStatusTest {

    /** A channel that takes every message and answers SENT with a provider id, like a provider's API would. */
    static final class AcceptingChannel implements ChannelAdapter {
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        volatile boolean refusing;
        volatile boolean carriesFiles;
        volatile boolean receivesOnly;

        @Override
        public String channel() {
            return "sms";
        }

        @Override
        public String instance() {
            return "main";
        }

        @Override
        public Set<Capability> capabilities() {
            return receivesOnly ? Set.of() : carriesFiles ? Set.of(Capability.TEXT, Capability.DELIVERY_RECEIPTS, Capability.ATTACHMENTS)
                    : Set.of(Capability.TEXT, Capability.DELIVERY_RECEIPTS);
        }

        @Override
        public SendResult send(OutboundMessage message) throws SendException {
            if (refusing) {
                throw new SendException("21610: the recipient unsubscribed", false);
            }
            sent.add(message);
            return new SendResult("SM" + sent.size(), DeliveryStatus.SENT);
        }

        @Override
        public Health health() {
            return new Health(Health.State.UP, "test");
        }
    }

    private TestContext context;
    private AcceptingChannel sms;
    private ReplyService replies;
    private Dispatcher dispatcher;
    private DeliveryReportsService reports;
    private String conversation;

    private void setUp(String kind) throws Exception {
        context = new TestContext(kind);
        ChannelAdapters adapters = new ChannelAdapters();
        sms = new AcceptingChannel();
        adapters.add(sms);
        replies = new ReplyService(context.database, context.inbox, adapters, context.publisher, context.attachments);
        dispatcher = new Dispatcher(context.database, adapters, context.publisher, Dispatcher.FIRST_BACKOFF);
        reports = new DeliveryReportsService(context.database, context.publisher);
        context.inbox.insert(List.of(new InboundMessage("sms", "main", "SMin1", Party.of(null, new Identifier("phone", "+79161234567")),
                "Is my order ready?", null, null, null, null)));
        context.pending().processPending();
        conversation = context.conversations.conversations(null, null, null, 0, 50).items().get(0).id();
    }

    /** One dispatch round, awaited: answers how many sends it started. */
    private int sendDue() throws Exception {
        int started = dispatcher.dispatchDue();
        await().until(() -> dispatcher.inFlight() == 0);
        return started;
    }

    private List<String> statusKinds() throws Exception {
        return context.conversations.messages(conversation, 0, 50).items().stream().map(e -> e.kind())
                .filter(k -> k.startsWith("status:")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void lateAndRepeatedReportsNeverMoveAStatusBackwards(String kind) throws Exception {
        setUp(kind);
        QueuedReply reply = replies.reply(conversation, "Yes, it is.", List.of(), null, ConsentPurpose.SERVICE, "k-1");
        assertEquals(1, sendDue());
        assertEquals("+79161234567", sms.sent.get(0).to().identifiers().get(0).value());
        assertEquals("SMin1", sms.sent.get(0).metadata().get(MessageMetadata.IN_REPLY_TO), "the reply names what it answers");

        assertTrue(reports.report(new DeliveryUpdate(reply.messageId(), "SM1", DeliveryStatus.READ, null, null)));
        assertTrue(reports.report(new DeliveryUpdate(reply.messageId(), "SM1", DeliveryStatus.DELIVERED, null, "late")));
        assertTrue(reports.report(new DeliveryUpdate(reply.messageId(), "SM1", DeliveryStatus.READ, null, null)));

        assertEquals(List.of("status:SENT", "status:READ"), statusKinds(), "each status once, never backwards");
        assertEquals(DeliveryStatus.READ, replies.reply(conversation, "Yes, it is.", List.of(), null, ConsentPurpose.SERVICE, "k-1").status());
        assertEquals(2, context.events.of(ContextEvents.MESSAGE_STATUS).size());
        assertEquals(0, sendDue(), "nothing is sent twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aReceiptThatOvertakesTheSendIsNotUndoneByIt(String kind) throws Exception {
        setUp(kind);
        QueuedReply reply = replies.reply(conversation, "Yes.", List.of(), null, null, null);
        assertTrue(reports.report(new DeliveryUpdate(reply.messageId(), null, DeliveryStatus.DELIVERED, null, null)));
        sendDue();
        assertEquals(List.of("status:DELIVERED"), statusKinds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aReplyCarriesUploadedFilesWhereTheChannelCanAndIsRefusedWhereItCannot(String kind) throws Exception {
        setUp(kind);
        String invoice = context.attachments.store("agent", "admin", "invoice 4711.pdf", "application/pdf", new byte[] {1, 2, 3})
                .url().substring("seamline:attachment:".length());

        ReplyException unknown = assertThrows(ReplyException.class,
                () -> replies.reply(conversation, "Here it is", List.of("no-such-file"), null, null, null));
        assertEquals(ReplyException.Kind.UNKNOWN_ATTACHMENT, unknown.kind());
        ReplyException noFiles = assertThrows(ReplyException.class,
                () -> replies.reply(conversation, "Here it is", List.of(invoice), null, null, null));
        assertEquals(ReplyException.Kind.UNREACHABLE, noFiles.kind());
        assertEquals(0, context.conversations.messages(conversation, 0, 50).items().stream()
                .filter(e -> "out".equals(e.direction())).count(), "a refused reply queues nothing");

        sms.carriesFiles = true;
        replies.reply(conversation, "Here it is", List.of(invoice), null, null, null);
        sendDue();
        Attachment sent = new Attachment("seamline:attachment:" + invoice, "application/pdf", "invoice 4711.pdf", 3L);
        assertEquals(List.of(sent), sms.sent.get(0).attachments());
        assertEquals(List.of(sent), context.conversations.messages(conversation, 0, 50).items().stream()
                .filter(e -> "out".equals(e.direction()) && e.kind().equals("message")).findFirst().orElseThrow().attachments(),
                "the agent sees the file on the timeline");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aReportForAnUnknownMessageChangesNothing(String kind) throws Exception {
        setUp(kind);
        assertFalse(reports.report(new DeliveryUpdate("no-such-message", "SM9", DeliveryStatus.DELIVERED, null, null)));
        assertEquals(List.of(), statusKinds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aHardBounceStopsRepliesToTheAddressUntilTheCustomerWritesFromItAgain(String kind) throws Exception {
        setUp(kind);
        QueuedReply reply = replies.reply(conversation, "Your code is 1234", List.of(), null, null, null);
        sendDue();
        reports.report(new DeliveryUpdate(reply.messageId(), "SM1", DeliveryStatus.UNDELIVERED, null, "hard bounce: 5.1.1"));

        var phone = context.directory.findByIdentifier("phone", "+79161234567").orElseThrow().identifiers().get(0);
        assertFalse(phone.deliverable());
        assertEquals("hard bounce: 5.1.1", phone.undeliverableReason());
        ReplyException refused = assertThrows(ReplyException.class, () -> replies.reply(conversation, "Again?", List.of(), null, null, null));
        assertEquals("every sms address of the customer was reported undeliverable", refused.getMessage());

        context.inbox.insert(List.of(new InboundMessage("sms", "main", "SMin9", Party.of(null, new Identifier("phone", "+79161234567")),
                "I have a new SIM, same number", null, null, null, null)));
        context.pending().processPending();
        assertTrue(context.directory.findByIdentifier("phone", "+79161234567").orElseThrow().identifiers().get(0).deliverable());
        replies.reply(conversation, "Welcome back", List.of(), null, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRefusedReplyIsADeadLetterThatCanBeSentAgainWithItsKey(String kind) throws Exception {
        setUp(kind);
        DeadLettersService deadLetters = new DeadLettersService(context.database);
        sms.refusing = true;
        QueuedReply reply = replies.reply(conversation, "Your order shipped", List.of(), null, null, "ship-1");
        sendDue();

        FailedReply failed = deadLetters.failedReplies(10).get(0);
        assertEquals(reply.messageId(), failed.messageId());
        assertEquals("21610: the recipient unsubscribed", failed.lastError());

        sms.refusing = false;
        assertTrue(deadLetters.retryReply(reply.messageId(), "admin"));
        assertFalse(deadLetters.retryReply(reply.messageId(), "admin"), "only a failed reply is queued again");
        sendDue();

        assertEquals("ship-1", sms.sent.get(0).idempotencyKey());
        assertEquals(List.of(), deadLetters.failedReplies(10));
        assertTrue(context.conversations.messages(conversation, 0, 50).items().stream().map(e -> e.kind()).toList()
                .containsAll(List.of("status:FAILED", "reply:retried", "status:SENT")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDiscardedReplyLeavesTheListForGoodAndTheTimelineNamesWhoDiscardedIt(String kind) throws Exception {
        setUp(kind);
        DeadLettersService deadLetters = new DeadLettersService(context.database);
        sms.refusing = true;
        QueuedReply reply = replies.reply(conversation, "Your order shipped", List.of(), null, null, "ship-2");
        assertFalse(deadLetters.discardReply(reply.messageId(), "sam"), "a queued reply is no dead letter yet");
        sendDue();

        assertTrue(deadLetters.discardReply(reply.messageId(), "sam"));

        assertEquals(List.of(), deadLetters.failedReplies(10));
        assertFalse(deadLetters.retryReply(reply.messageId(), "admin"), "a discarded reply is never sent again");
        assertFalse(deadLetters.discardReply(reply.messageId(), "sam"));
        assertTrue(context.conversations.messages(conversation, 0, 50).items().stream()
                .anyMatch(e -> e.kind().equals("reply:discarded") && String.valueOf(e.text()).contains("by sam")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aChannelThatCannotAddressTheCustomerIsRefusedUpFront(String kind) throws Exception {
        setUp(kind);
        context.inbox.insert(List.of(new InboundMessage("sms", "main", "SMin2", Party.of(null, new Identifier("email", "zed@example.com")),
                "hi", null, null, null, null)));
        context.pending().processPending();
        String zeds = context.conversations.conversations(
                context.directory.findByIdentifier("email", "zed@example.com").orElseThrow().id(), null, null, 0, 50).items().get(0).id();
        ReplyException refused = assertThrows(ReplyException.class, () -> replies.reply(zeds, "hi", List.of(), null, null, null));
        assertEquals(ReplyException.Kind.UNREACHABLE, refused.kind());
        assertEquals("the customer has no phone identifier for sms", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anIdempotencyKeyBelongsToItsConversation(String kind) throws Exception {
        setUp(kind);
        context.inbox.insert(List.of(new InboundMessage("sms", "main", "SMin3", Party.of(null, new Identifier("phone", "+4930123456")),
                "Where is my parcel?", null, null, null, null)));
        context.pending().processPending();
        String boris = context.conversations.conversations(
                context.directory.findByIdentifier("phone", "+4930123456").orElseThrow().id(), null, null, 0, 50).items().get(0).id();

        QueuedReply toAnna = replies.reply(conversation, "It ships today", List.of(), null, null, "order-42");
        QueuedReply toBoris = replies.reply(boris, "It ships today", List.of(), null, null, "order-42");
        QueuedReply again = replies.reply(conversation, "It ships today", List.of(), null, null, "order-42");

        assertFalse(toBoris.duplicate(), "the same key in another conversation is another reply");
        assertEquals(boris, toBoris.conversationId());
        assertTrue(again.duplicate());
        assertEquals(toAnna.messageId(), again.messageId());
        assertEquals(2, sendDue());
        assertEquals(List.of("+79161234567", "+4930123456"),
                sms.sent.stream().map(m -> m.to().identifiers().get(0).value()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aKeyReusedForADifferentRequestIsRefusedAndQueuesNothing(String kind) throws Exception {
        setUp(kind);
        replies.reply(conversation, "It ships today", List.of(), null, null, "order-42");

        ReplyException reused = assertThrows(ReplyException.class,
                () -> replies.reply(conversation, "It ships tomorrow", List.of(), null, null, "order-42"));
        assertEquals(ReplyException.Kind.IDEMPOTENCY_KEY_REUSED, reused.kind());
        assertEquals(ReplyException.Kind.IDEMPOTENCY_KEY_REUSED, assertThrows(ReplyException.class,
                () -> replies.reply(conversation, "It ships today", List.of(), null, ConsentPurpose.MARKETING, "order-42")).kind());
        assertTrue(replies.reply(conversation, "It ships today", List.of(), null, ConsentPurpose.SERVICE, "order-42").duplicate(),
                "the default purpose written out is the same request");
        assertEquals(1, sendDue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aKeyThatCannotBeStoredOrSentOnIsRefused(String kind) throws Exception {
        setUp(kind);
        for (String key : List.of("k".repeat(201), "ключ-1", "tab\tkey")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> replies.reply(conversation, "hi", List.of(), null, null, key));
            assertTrue(e.getMessage().startsWith("Idempotency-Key must be"), e.getMessage());
        }
        assertEquals(0, sendDue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aChannelInstanceThatOnlyReceivesIsRefusedUpFront(String kind) throws Exception {
        setUp(kind);
        sms.receivesOnly = true;
        ReplyException refused = assertThrows(ReplyException.class, () -> replies.reply(conversation, "hi", List.of(), null, null, null));
        assertEquals(ReplyException.Kind.UNREACHABLE, refused.kind());
        assertTrue(refused.getMessage().contains("only receives"), refused.getMessage());
        assertEquals(0, sendDue());
    }
}
