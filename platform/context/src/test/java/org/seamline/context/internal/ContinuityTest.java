package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.Party;
import org.seamline.context.ContextEvents;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationStatus;

/** Which conversation a message continues, under each policy, with reopening; on a real H2 and PostgreSQL. */
class ContinuityTest {

    private static final Party ANNA = new Party("Anna", List.of(new Identifier("email", "anna@example.com"),
            new Identifier("phone", "+79161234567")));

    private TestContext context;
    private PendingMessages pending;

    private void setUp(String kind, ConversationStore.Continuity continuity, Duration reopenWindow) throws Exception {
        context = new TestContext(kind);
        pending = context.pending(20, continuity, reopenWindow);
    }

    /** Receives and processes one message from Anna; answers the conversation it went into. */
    private String receive(String channel, String id, Map<String, String> metadata) throws Exception {
        context.inbox.insert(List.of(new InboundMessage(channel, "main", id, ANNA, "text " + id, null, null, null, metadata)));
        pending.processPending();
        assertTrue(context.inbox.pending(1).isEmpty(), "processed");
        String customer = context.directory.findByIdentifier("email", "anna@example.com").orElseThrow().id();
        return context.conversations.timeline(customer, 0, 500).items().stream()
                .filter(e -> ("text " + id).equals(e.text())).findFirst().orElseThrow().conversationId();
    }

    private Conversation conversation(String id) throws Exception {
        return context.conversations.conversation(id).orElseThrow();
    }

    private void resolve(String conversationId) throws Exception {
        context.conversations.change(conversationId, new ConversationChange(ConversationStatus.RESOLVED, null, null), "agent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void perCustomerOneConversationFollowsTheCustomerAcrossChannels(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.CUSTOMER, Duration.ofDays(7));
        String first = receive("api", "m-1", null);
        assertEquals(first, receive("sms", "m-2", null));
        assertEquals("sms", conversation(first).channel(), "replies go where the customer wrote last");
        assertEquals(List.of(ContextEvents.CUSTOMER_CREATED, ContextEvents.CONVERSATION_OPENED, ContextEvents.MESSAGE_RECEIVED,
                ContextEvents.MESSAGE_RECEIVED), context.events.topics());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void perChannelEachChannelHasItsOwnConversation(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.CHANNEL, Duration.ofDays(7));
        String api = receive("api", "m-1", null);
        String sms = receive("sms", "m-2", null);
        assertNotEquals(api, sms);
        assertEquals(api, receive("api", "m-3", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void perThreadEachThreadHasItsOwnConversationAndUnthreadedMessagesGoPerChannel(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.THREAD, Duration.ofDays(7));
        String orders = receive("email", "m-1", Map.of(MessageMetadata.THREAD, "<order-1@shop>"));
        String returns = receive("email", "m-2", Map.of(MessageMetadata.THREAD, "<return-9@shop>"));
        assertNotEquals(orders, returns);
        assertEquals(orders, receive("email", "m-3", Map.of(MessageMetadata.THREAD, "<order-1@shop>")));
        assertEquals("<order-1@shop>", conversation(orders).threadKey());
        String sms = receive("sms", "m-4", null);
        assertNotEquals(orders, sms);
        assertNotEquals(returns, sms);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aMessageWithinTheWindowReopensAndAutomaticMailNeverDoes(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.CUSTOMER, Duration.ofDays(7));
        String first = receive("email", "m-1", null);
        resolve(first);

        Map<String, String> automatic = Map.of(MessageMetadata.AUTOMATIC, "true");
        assertEquals(first, receive("email", "m-2", automatic), "an out-of-office lands in the conversation it answers");
        assertEquals(ConversationStatus.RESOLVED, conversation(first).status(), "but does not reopen it");

        context.events.clear();
        assertEquals(first, receive("email", "m-3", null));
        assertEquals(ConversationStatus.OPEN, conversation(first).status());
        assertEquals(null, conversation(first).resolvedAt());
        assertTrue(context.events.topics().contains(ContextEvents.CONVERSATION_REOPENED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void automaticMailThatContinuesNothingIsFiledOutOfTheAgentsQueue(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.CUSTOMER, Duration.ofDays(7));
        String newsletter = receive("email", "m-1", Map.of(MessageMetadata.AUTOMATIC, "true"));

        assertEquals(ConversationStatus.RESOLVED, conversation(newsletter).status(), "no open conversation for a newsletter");
        assertFalse(context.events.topics().contains(ContextEvents.CONVERSATION_OPENED), "nothing announces it to agents");
        assertEquals(newsletter, receive("email", "m-2", Map.of(MessageMetadata.AUTOMATIC, "true")), "the next one joins it");
        assertEquals(ConversationStatus.RESOLVED, conversation(newsletter).status());

        assertEquals(newsletter, receive("email", "m-3", null), "a person writing from that address is heard");
        assertEquals(ConversationStatus.OPEN, conversation(newsletter).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void afterTheWindowANewConversationOpens(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.CUSTOMER, Duration.ZERO);
        String first = receive("api", "m-1", null);
        resolve(first);
        String second = receive("api", "m-2", null);
        assertNotEquals(first, second);
        assertEquals(ConversationStatus.RESOLVED, conversation(first).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aConversationTheChannelNamesIsContinuedOnlyWhenItIsTheSenders(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.CHANNEL, Duration.ofDays(7));
        String api = receive("api", "m-1", null);
        assertEquals(api, receive("email", "m-2", Map.of(MessageMetadata.CONVERSATION, api)),
                "an email answering our reply continues that conversation");

        context.inbox.insert(List.of(new InboundMessage("api", "main", "z-1", Party.of("Zed", new Identifier("userId", "zed")),
                "hello", null, null, null, null)));
        pending.processPending();
        String zeds = context.conversations.conversations(
                context.directory.findByIdentifier("userId", "zed").orElseThrow().id(), null, null, 0, 50).items().get(0).id();
        String elsewhere = receive("email", "m-3", Map.of(MessageMetadata.CONVERSATION, zeds));
        assertNotEquals(zeds, elsewhere, "someone else's conversation id is ignored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aMessageAnsweringAnEarlierOneContinuesItsConversationButNeverSomeoneElses(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.THREAD, Duration.ofDays(7));
        String order = receive("email", "<order@anna>", Map.of(MessageMetadata.THREAD, "<order@anna>"));
        String other = receive("email", "<other@anna>", Map.of(MessageMetadata.THREAD, "<other@anna>"));
        assertNotEquals(order, other);
        assertEquals(order, receive("email", "<again@anna>", Map.of(MessageMetadata.THREAD, "<unknown-root@anna>",
                MessageMetadata.REFERENCES, "<never-seen@x> <order@anna>")),
                "the nearest recorded reference wins over a thread the platform has not seen");

        context.inbox.insert(List.of(new InboundMessage("email", "main", "<zed@zed>", Party.of("Zed",
                new Identifier("email", "zed@example.com")), "hello", null, null, null, null)));
        pending.processPending();
        String zeds = context.conversations.conversations(
                context.directory.findByIdentifier("email", "zed@example.com").orElseThrow().id(), null, null, 0, 50).items().get(0).id();
        String answer = receive("email", "<cc-reply@anna>", Map.of(MessageMetadata.REFERENCES, "<zed@zed>"));
        assertNotEquals(zeds, answer, "answering someone else's mail does not join their conversation");
        assertNotEquals(order, receive("sms", "m-sms", Map.of(MessageMetadata.REFERENCES, "<order@anna>")),
                "references are provider ids of the same channel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAnswerProcessedTogetherWithTheMessageItAnswersContinuesItsConversation(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.THREAD, Duration.ofDays(7));
        context.inbox.insert(List.of(
                new InboundMessage("email", "main", "<first@anna>", ANNA, "text first", null, null, null,
                        Map.of(MessageMetadata.THREAD, "<first@anna>")),
                new InboundMessage("email", "main", "<answer@anna>", ANNA, "text answer", null, null, null,
                        Map.of(MessageMetadata.THREAD, "<elsewhere@anna>", MessageMetadata.REFERENCES, "<first@anna>"))));
        pending.processPending();
        String customer = context.directory.findByIdentifier("email", "anna@example.com").orElseThrow().id();
        List<String> conversations = context.conversations.timeline(customer, 0, 10).items().stream()
                .map(e -> e.conversationId()).toList();
        assertEquals(2, conversations.size());
        assertEquals(conversations.get(0), conversations.get(1), "the answer found the message of its own batch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAgentsChangesAreOnTheTimelineAndVariablesCanBeRemoved(String kind) throws Exception {
        setUp(kind, ConversationStore.Continuity.CUSTOMER, Duration.ofDays(7));
        String id = receive("api", "m-1", null);
        context.conversations.change(id, new ConversationChange(ConversationStatus.PENDING, "agent-7",
                Map.of("lastTopic", "refund", "step", "2")), "admin");
        Map<String, String> removal = new HashMap<>();
        removal.put("step", null);
        Conversation changed = context.conversations.change(id, new ConversationChange(null, "", removal), "admin").orElseThrow();

        assertEquals(Map.of("lastTopic", "refund"), changed.variables());
        assertEquals(null, changed.assignee());
        assertEquals(ConversationStatus.PENDING, changed.status());
        assertEquals(List.of("message", "conversation:pending", "conversation:assigned", "conversation:assigned"),
                context.conversations.messages(id, 0, 10).items().stream().map(e -> e.kind()).toList());
        assertEquals(id, receive("api", "m-2", null));
        assertEquals(ConversationStatus.OPEN, conversation(id).status(), "the customer's answer wakes a pending conversation");
        assertTrue(context.conversations.note(id, "Prefers calls after 18:00", "agent-7"));
        assertEquals("agent-7: Prefers calls after 18:00", context.conversations.messages(id, 0, 10).items().get(5).text());
        assertFalse(context.conversations.note("nope", "x", "agent-7"));
        assertTrue(context.conversations.change("nope", new ConversationChange(ConversationStatus.OPEN, null, null), "admin").isEmpty());
    }
}
