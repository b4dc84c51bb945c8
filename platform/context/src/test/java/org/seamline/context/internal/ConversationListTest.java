package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationQuery;
import org.seamline.context.ConversationStatus;
import org.seamline.store.Page;

/** The conversation list pages honestly: every conversation is on some page, and the total counts them all. */
class ConversationListTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void pagesWalkEveryConversationAndTellTheTotal(String kind) throws Exception {
        TestContext context = new TestContext(kind);
        int customers = 7;
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            messages.add(new InboundMessage("api", "shop", "m-" + i, Party.of(null, new Identifier("userId", "u" + i)),
                    "hello", null, null, null, null));
        }
        context.inbox.insert(messages);
        context.pending().processPending();

        List<String> walked = new ArrayList<>();
        for (int offset = 0; offset < customers; offset += 3) {
            Page<Conversation> page = context.conversations.conversations(null, ConversationStatus.OPEN, null, offset, 3);
            assertEquals(customers, page.total());
            assertEquals(offset, page.offset());
            page.items().forEach(conversation -> walked.add(conversation.id()));
        }
        assertEquals(customers, walked.stream().distinct().count(), "each conversation once, none skipped: " + walked);
        assertEquals(0, context.conversations.conversations(null, ConversationStatus.RESOLVED, null, 0, 3).total());
        String u3 = context.directory.findByIdentifier("userId", "u3").orElseThrow().id();
        assertEquals(1, context.conversations.conversations(u3, null, null, 0, 3).total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAgentsInboxesListWhatIsTheirsAndWhatNobodyHas(String kind) throws Exception {
        TestContext context = new TestContext(kind);
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messages.add(new InboundMessage("api", "shop", "m-" + i, Party.of(null, new Identifier("userId", "u" + i)),
                    "hello", null, null, null, null));
        }
        context.inbox.insert(messages);
        context.pending().processPending();
        List<String> ids = context.conversations.conversations(null, null, null, 0, 10).items().stream()
                .map(Conversation::id).toList();
        context.conversations.change(ids.get(0), new ConversationChange(null, "anna", null), "anna");
        context.conversations.change(ids.get(1), new ConversationChange(null, "boris", null), "boris");
        context.conversations.change(ids.get(1), new ConversationChange(null, "", null), "boris");

        assertEquals(List.of(ids.get(0)), context.conversations.conversations(
                new ConversationQuery(null, null, null, "anna", false), 0, 10).items().stream().map(Conversation::id).toList());
        Page<Conversation> unassigned = context.conversations.conversations(
                new ConversationQuery(null, ConversationStatus.OPEN, null, null, true), 0, 10);
        assertEquals(2, unassigned.total(), "boris gave his back");
        assertEquals(List.of(ids.get(1), ids.get(2)).stream().sorted().toList(),
                unassigned.items().stream().map(Conversation::id).sorted().toList());
        assertEquals(0, context.conversations.conversations(new ConversationQuery(null, null, null, "boris", false), 0, 10)
                .total());
    }
}
