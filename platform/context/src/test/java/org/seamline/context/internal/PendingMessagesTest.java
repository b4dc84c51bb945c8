package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationStatus;
import org.seamline.context.Customer;
import org.seamline.context.TimelineEntry;
import org.seamline.context.MergeException;
import org.seamline.context.MergeRecord;
import org.seamline.store.Database;
import org.seamline.store.internal.JdbcInboxStore;

/** Inbox messages resolved to customers on a real H2 and a real PostgreSQL. */
class PendingMessagesTest {

    private Database database;
    private JdbcInboxStore inbox;
    private PendingMessages pending;
    private CustomerDirectoryService directory;
    private CustomerMergesService merges;
    private ConversationsService conversations;

    private void setUp(String kind, int maxIdentifiers) throws Exception {
        TestContext context = new TestContext(kind);
        database = context.database;
        inbox = context.inbox;
        pending = context.pending(maxIdentifiers, ConversationStore.Continuity.CUSTOMER, java.time.Duration.ofDays(7));
        directory = context.directory;
        merges = context.merges;
        conversations = context.conversations;
    }

    private void receive(String id, String name, Identifier... from) throws Exception {
        receiveOn("api", id, name, from);
    }

    private void receiveOn(String channel, String id, String name, Identifier... from) throws Exception {
        inbox.insert(List.of(new InboundMessage(channel, "shop", id, new Party(name, List.of(from)), "text " + id,
                null, null, null, null)));
    }

    private static Set<String> identifiers(Customer customer) {
        return customer.identifiers().stream().map(i -> i.type() + ":" + i.value()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void identifiersWrittenDifferentlyResolveToOneCustomerWhoCollectsThem(String kind) throws Exception {
        setUp(kind, 20);
        receive("m-1", "Anna", new Identifier("email", "anna@example.com"));
        receive("m-2", null, new Identifier("email", "ANNA@Example.com "), new Identifier("phone", "+7 916 123-45-67"));
        receive("m-3", null, new Identifier("phone", "+79161234567"));

        assertEquals(3, pending.processPending());

        Customer anna = directory.findByIdentifier("email", "Anna@example.com").orElseThrow();
        assertEquals(Set.of("email:anna@example.com", "phone:+79161234567"), identifiers(anna));
        assertEquals("Anna", anna.displayName());
        assertEquals(anna.id(), directory.findByIdentifier("phone", "+7 (916) 123 45 67").orElseThrow().id());
        assertEquals(1, directory.customers(0, 10).total());
        assertEquals("api/shop", anna.identifiers().get(0).source());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aMessageTheStoreRejectsIsSetAsideAndTheOthersGoOn(String kind) throws Exception {
        setUp(kind, 20);
        receive("m-1", "Anna", new Identifier("userId", "anna"));
        receive("m-2", "x".repeat(600), new Identifier("userId", "long-name")); // longer than display_name holds
        receive("m-3", "Boris", new Identifier("userId", "boris"));

        assertEquals(3, pending.processPending());

        assertEquals(2, directory.customers(0, 10).total(), "the messages around it are processed, in one go");
        assertEquals(1, inbox.setAside(10).size());
        assertTrue(inbox.setAside(10).get(0).reason().contains("SQLState 22001"), "the reason names the store's refusal");
        assertFalse(inbox.setAside(10).get(0).reason().contains("xxxxx"), "but not the refused value: " + inbox.setAside(10));
        assertTrue(inbox.pending(10).isEmpty(), "nothing blocks the inbox");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void processingTwiceHasNoSecondEffect(String kind) throws Exception {
        setUp(kind, 20);
        receive("m-1", null, new Identifier("userId", "u-1"));

        assertEquals(1, pending.processPending());
        assertEquals(0, pending.processPending());
        assertEquals(1, directory.customers(0, 10).total());
        assertTrue(inbox.pending(10).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aVerifiedMessageCarryingTwoCustomersIdentifiersMergesThemAudited(String kind) throws Exception {
        setUp(kind, 20);
        receive("m-1", "Anna", new Identifier("email", "anna@example.com"));
        receive("m-2", null, new Identifier("phone", "+79161234567"));
        receive("m-3", null, new Identifier("email", "ANNA@example.com"), new Identifier("phone", "+7 916 123 45 67"));

        pending.processPending();

        Customer anna = directory.findByIdentifier("phone", "+79161234567").orElseThrow();
        assertEquals(anna.id(), directory.findByIdentifier("email", "anna@example.com").orElseThrow().id());
        assertEquals(Set.of("email:anna@example.com", "phone:+79161234567"), identifiers(anna));
        assertEquals(1, directory.customers(0, 10).total());
        MergeRecord merge = merges.merges(anna.id()).get(0);
        assertEquals(IdentityResolver.MERGE_POLICY, merge.actor());
        assertEquals(anna.mergedCustomers(), List.of(merge.mergedId()));
        assertTrue(merge.evidence() != null, "the message that justified the merge is recorded");
        assertEquals(List.of("message:text m-1", "message:text m-2", "merge", "message:text m-3"),
                conversations.timeline(anna.id(), 0, 50).items().stream()
                        .map(e -> e.kind().equals("message") ? "message:" + e.text() : e.kind()).toList(),
                "processed in one transaction, the merge still stands where it happened");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anyTextComesBackFromTheTimelineAsItWasWritten(String kind) throws Exception {
        setUp(kind, 20);
        // What an array literal must escape: quotes, backslashes, braces, commas, the word NULL, blanks, emoji.
        List<String> texts = List.of("He said \"hi\", {a,b} \\ NULL", "NULL", "", " ", "Привет 👋\r\n\ttab", "x".repeat(20_000));
        List<InboundMessage> messages = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            messages.add(new InboundMessage("api", "shop", "t-" + i, Party.of(null, new Identifier("userId", "texter")),
                    texts.get(i), null, null, null, null));
        }
        inbox.insert(messages);
        pending.processPending();

        Customer texter = directory.findByIdentifier("userId", "texter").orElseThrow();
        assertEquals(texts, conversations.timeline(texter.id(), 0, 50).items().stream().map(TimelineEntry::text).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theThreeMessagesOfOnePersonAreOneOpenConversationInOrder(String kind) throws Exception {
        setUp(kind, 20);
        receive("m-1", "Anna", new Identifier("email", "anna@example.com"));
        receive("m-2", null, new Identifier("phone", "+79161234567"));
        receive("m-3", null, new Identifier("email", "ANNA@example.com"), new Identifier("phone", "+7 916 123 45 67"));

        pending.processPending();

        Customer anna = directory.findByIdentifier("email", "anna@example.com").orElseThrow();
        List<Conversation> open = conversations.conversations(anna.id(), ConversationStatus.OPEN, null, 0, 50).items();
        assertEquals(1, open.size(), "the merged customer's open conversation joined the survivor's");
        List<TimelineEntry> messages = conversations.messages(open.get(0).id(), 0, 50).items();
        assertEquals(List.of("m-1", "m-2", "m-3"), messages.stream().map(TimelineEntry::providerMessageId).toList());
        assertTrue(messages.stream().allMatch(m -> m.direction().equals("in") && m.channel().equals("api")));
        List<String> kinds = conversations.timeline(anna.id(), 0, 50).items().stream().map(TimelineEntry::kind).toList();
        assertEquals(List.of("message", "message", "merge", "message"), kinds, "the merge is on the timeline where it happened");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theFirstNameAChannelReportsNamesACustomerWhoHadNoneAndLaterNamesChangeNothing(String kind) throws Exception {
        setUp(kind, 20);
        receive("m-1", null, new Identifier("phone", "+79161234567"));
        receive("m-2", "Anna", new Identifier("phone", "+79161234567"));
        receive("m-3", "Anna P.", new Identifier("phone", "+79161234567"));
        pending.processPending();

        Customer anna = directory.findByIdentifier("phone", "+79161234567").orElseThrow();
        assertEquals("Anna", anna.displayName());
        assertEquals(List.of("Anna"), anna.attributes().stream().filter(a -> a.name().equals("name")).map(a -> a.value()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCallIsOnTheTimelineAsACallInTheSameConversation(String kind) throws Exception {
        setUp(kind, 20);
        receiveOn("sms", "m-1", "Anna", new Identifier("phone", "+79161234567"));
        inbox.insert(List.of(new InboundMessage("voice", "main", "CA1", Party.of(null, new Identifier("phone", "+79161234567")),
                "I called about my order", null, java.time.Instant.parse("2026-03-01T10:15:30.123456Z"), null, java.util.Map.of(org.seamline.api.message.MessageMetadata.KIND,
                org.seamline.api.message.MessageMetadata.CALL, "callDuration", "42"))));
        pending.processPending();

        Customer anna = directory.findByIdentifier("phone", "+79161234567").orElseThrow();
        List<TimelineEntry> timeline = conversations.timeline(anna.id(), 0, 10).items();
        assertEquals(List.of("message", "call"), timeline.stream().map(TimelineEntry::kind).toList());
        assertEquals(timeline.get(0).conversationId(), timeline.get(1).conversationId(), "the call continues the conversation");
        assertEquals("voice", timeline.get(1).channel());
        assertEquals(java.time.Instant.parse("2026-03-01T10:15:30.123456Z"), timeline.get(1).occurredAt(),
                "the timeline keeps when the call happened, to the microsecond");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void unmergeSeparatesTheConversationsAgain(String kind) throws Exception {
        setUp(kind, 20);
        receive("m-1", null, new Identifier("email", "anna@example.com"));
        receive("m-2", null, new Identifier("phone", "+79161234567"));
        pending.processPending();
        String annaId = directory.findByIdentifier("email", "anna@example.com").orElseThrow().id();
        String otherId = directory.findByIdentifier("phone", "+79161234567").orElseThrow().id();
        Conversation before = conversations.conversations(otherId, null, null, 0, 50).items().get(0);

        MergeRecord merge = merges.merge(annaId, otherId, "admin", "test");
        assertEquals(1, conversations.conversations(annaId, null, null, 0, 50).items().size());
        merges.unmerge(merge.id(), "admin");

        assertEquals(before, conversations.conversations(otherId, null, null, 0, 50).items().get(0));
        assertEquals(List.of("m-2"), conversations.messages(before.id(), 0, 50).items().stream()
                .map(TimelineEntry::providerMessageId).toList());
        assertEquals(1, conversations.conversations(annaId, null, null, 0, 50).items().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aConversationContinuesOnAnotherChannelAndRemembersWhereToReply(String kind) throws Exception {
        setUp(kind, 20);
        receiveOn("api", "m-1", null, new Identifier("phone", "+79161234567"));
        receiveOn("sms", "m-2", null, new Identifier("phone", "+7 916 123-45-67"));

        pending.processPending();

        String id = directory.findByIdentifier("phone", "+79161234567").orElseThrow().id();
        List<Conversation> all = conversations.conversations(id, null, null, 0, 50).items();
        assertEquals(1, all.size());
        assertEquals("sms", all.get(0).channel(), "a reply goes where the customer wrote last");
        assertEquals(2, conversations.messages(all.get(0).id(), 0, 50).total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anEmailCarryingTwoCustomersIdentifiersMergesNothing(String kind) throws Exception {
        setUp(kind, 20);
        receiveOn("email", "m-1", null, new Identifier("email", "anna@example.com"));
        receiveOn("sms", "m-2", null, new Identifier("phone", "+79161234567"));
        receiveOn("email", "m-3", null, new Identifier("email", "anna@example.com"), new Identifier("phone", "+79161234567"));

        pending.processPending();

        String byEmail = directory.findByIdentifier("email", "anna@example.com").orElseThrow().id();
        String byPhone = directory.findByIdentifier("phone", "+79161234567").orElseThrow().id();
        assertNotEquals(byEmail, byPhone, "a forgeable From header never joins two people");
        assertEquals(2, directory.customers(0, 10).total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aManualMergeIsUndoneExactly(String kind) throws Exception {
        setUp(kind, 20);
        receive("m-1", "Anna", new Identifier("email", "anna@example.com"), new Identifier("userId", "a-1"));
        receive("m-2", "Anna K.", new Identifier("phone", "+79161234567"));
        pending.processPending();
        Customer first = directory.findByIdentifier("email", "anna@example.com").orElseThrow();
        Customer second = directory.findByIdentifier("phone", "+79161234567").orElseThrow();

        MergeRecord merge = merges.merge(first.id(), second.id(), "admin", "same person, confirmed by phone");
        Customer merged = directory.customer(second.id()).orElseThrow();
        assertEquals(first.id(), merged.id(), "the merged id now answers its survivor");
        assertEquals(Set.of("email:anna@example.com", "userId:a-1", "phone:+79161234567"), identifiers(merged));
        assertEquals(1, directory.customers(0, 10).total());

        MergeRecord undone = merges.unmerge(merge.id(), "admin");
        assertEquals(first, directory.customer(first.id()).orElseThrow());
        assertEquals(second, directory.customer(second.id()).orElseThrow());
        assertEquals(2, directory.customers(0, 10).total());
        assertEquals("admin", undone.undoneBy());
        assertEquals(List.of(undone), merges.merges(second.id()), "the audit trail keeps the undone merge");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void mergesThatCannotBeDoneAreRefusedAndChangeNothing(String kind) throws Exception {
        setUp(kind, 20);
        receive("m-1", null, new Identifier("userId", "u-1"));
        pending.processPending();
        String id = directory.customers(0, 1).items().get(0).id();

        assertEquals(MergeException.Kind.CONFLICT, assertThrows(MergeException.class, () -> merges.merge(id, id, "admin", "x")).kind());
        assertEquals(MergeException.Kind.NOT_FOUND, assertThrows(MergeException.class, () -> merges.merge(id, "nobody", "admin", "x")).kind());
        assertEquals(MergeException.Kind.NOT_FOUND, assertThrows(MergeException.class, () -> merges.unmerge("no-merge", "admin")).kind());
        assertTrue(merges.merges(id).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSharedNumberDoesNotGrowASuperCustomer(String kind) throws Exception {
        setUp(kind, 2);
        receive("m-1", null, new Identifier("phone", "+4930123456"), new Identifier("email", "a@example.com"),
                new Identifier("email", "b@example.com"), new Identifier("email", "c@example.com"));

        pending.processPending();

        Customer office = directory.findByIdentifier("phone", "+4930123456").orElseThrow();
        assertEquals(2, office.identifiers().size());
        assertFalse(directory.findByIdentifier("email", "c@example.com").isPresent());
    }
}
