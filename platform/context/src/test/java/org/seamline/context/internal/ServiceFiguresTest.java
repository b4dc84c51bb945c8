package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationStatus;
import org.seamline.context.QueuedReply;
import org.seamline.context.ServiceSnapshot;
import org.seamline.context.ServiceSnapshot.MinuteCount;

/** The console's live figures count what happened, on a real H2 and a real PostgreSQL. */
class ServiceFiguresTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void figuresFollowMessagesRepliesAssignmentsAndDeadLetters(String kind) throws Exception {
        TestContext context = new TestContext(kind);
        ChannelAdapters adapters = new ChannelAdapters();
        adapters.add(new DeliveryStatusTest.AcceptingChannel());
        ReplyService replies = new ReplyService(context.database, context.inbox, adapters, context.publisher, context.attachments);
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messages.add(new InboundMessage("sms", "main", "SM" + i, Party.of(null, new Identifier("phone", "+7916123450" + i)),
                    "hello", null, null, null, null));
        }
        context.inbox.insert(messages);
        context.pending().processPending();
        ServiceFiguresService figures = new ServiceFiguresService(context.database);
        ZoneId moscow = ZoneId.of("Europe/Moscow");

        ServiceSnapshot before = figures.snapshot(moscow);
        assertEquals(3, before.openConversations());
        assertEquals(3, before.unassignedConversations());
        assertEquals(3, sum(before, "sms", "in"));
        assertEquals(0, before.firstResponsesToday());
        assertNull(before.medianFirstResponse());

        List<String> conversations = context.conversations.conversations(null, null, null, 0, 10).items().stream()
                .map(c -> c.id()).toList();
        context.conversations.change(conversations.get(0), new ConversationChange(null, "agent-1", null), "agent-1");
        QueuedReply reply = replies.reply(conversations.get(1), "On its way", List.of(), null, ConsentPurpose.SERVICE, null);
        context.conversations.change(conversations.get(2), new ConversationChange(ConversationStatus.RESOLVED, null, null), "agent-2");
        context.database.inTransaction(c -> {
            try (PreparedStatement fail = c.prepareStatement("UPDATE outbox_message SET status = 'FAILED' WHERE id = ?")) {
                fail.setString(1, reply.messageId());
                return fail.executeUpdate();
            }
        });

        ServiceSnapshot after = figures.snapshot(moscow);
        assertEquals(2, after.openConversations(), "the resolved one is not open");
        assertEquals(1, after.unassignedConversations(), "one assigned, one resolved");
        assertEquals(1, sum(after, "sms", "out"));
        assertEquals(1, after.repliesFailedToday());
        assertEquals(1, after.firstResponsesToday());
        assertFalse(after.medianFirstResponse().isNegative());
        assertTrue(after.perMinute().stream().allMatch(m -> m.minute().getEpochSecond() % 60 == 0), "whole minutes");

        ServiceFiguresService twoHoursLater = new ServiceFiguresService(context.database,
                Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofHours(2)));
        assertTrue(twoHoursLater.snapshot(moscow).perMinute().isEmpty(), "only the last hour is counted per minute");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(Duration.ofSeconds(30), ServiceFiguresService.median(
                List.of(Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(90))));
        assertEquals(Duration.ofSeconds(20), ServiceFiguresService.median(
                List.of(Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ofSeconds(20))));
    }

    private static long sum(ServiceSnapshot snapshot, String channel, String direction) {
        return snapshot.perMinute().stream().filter(m -> m.channel().equals(channel) && m.direction().equals(direction))
                .mapToLong(MinuteCount::count).sum();
    }
}
