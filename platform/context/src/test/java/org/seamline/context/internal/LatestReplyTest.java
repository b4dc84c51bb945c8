package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.TimelineEntry;

/** What an agent's screen compares to warn that a colleague answered meanwhile. */
class LatestReplyTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theLatestReplyIsTheNewestOutboundMessageAndNotesOrNewMessagesDoNotCount(String kind) throws Exception {
        TestContext context = new TestContext(kind);
        ChannelAdapters adapters = new ChannelAdapters();
        adapters.add(new DeliveryStatusTest.AcceptingChannel());
        ReplyService replies = new ReplyService(context.database, context.inbox, adapters, context.publisher, context.attachments);
        context.inbox.insert(List.of(new InboundMessage("sms", "main", "SM1", Party.of(null, new Identifier("phone", "+79161234567")),
                "hello", null, null, null, null)));
        context.pending().processPending();
        String conversation = context.conversations.conversations(null, null, null, 0, 10).items().get(0).id();

        assertEquals(Optional.of(0L), context.conversations.latestReply(conversation), "nobody has replied");
        replies.reply(conversation, "Hello Anna", List.of(), null, ConsentPurpose.SERVICE, null);
        long reply = context.conversations.messages(conversation, 0, 50).items().stream()
                .filter(e -> e.kind().equals("message") && "out".equals(e.direction()))
                .mapToLong(TimelineEntry::sequence).max().orElseThrow();
        context.conversations.note(conversation, "she is a VIP", "bob");
        context.inbox.insert(List.of(new InboundMessage("sms", "main", "SM2", Party.of(null, new Identifier("phone", "+79161234567")),
                "thanks", null, null, null, null)));
        context.pending().processPending();

        assertEquals(Optional.of(reply), context.conversations.latestReply(conversation));
        assertTrue(context.conversations.latestReply("no-such-conversation").isEmpty());
    }
}
