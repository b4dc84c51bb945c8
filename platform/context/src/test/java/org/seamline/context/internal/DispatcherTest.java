package org.seamline.context.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.channel.Capability;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.health.Health;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;

/** The outbox's lanes: instances apart, conversations in order, retries its own; on a real H2 and PostgreSQL. */
class DispatcherTest {

    /** An SMS instance that can be made to hang or to fail the next sends, as a provider does. */
    private static final class SmsInstance implements ChannelAdapter {
        final String instance;
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch released = new CountDownLatch(1);
        final AtomicInteger failures = new AtomicInteger();
        volatile boolean hangs;
        volatile Duration retryAfter;

        SmsInstance(String instance) {
            this.instance = instance;
        }

        @Override
        public String channel() {
            return "sms";
        }

        @Override
        public String instance() {
            return instance;
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.TEXT);
        }

        @Override
        public SendResult send(OutboundMessage message) throws SendException {
            if (hangs) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SendException("interrupted", true);
                }
            }
            if (failures.getAndDecrement() > 0) {
                throw retryAfter == null ? new SendException("503 from provider", true)
                        : new SendException("429 from provider", retryAfter, null);
            }
            sent.add(message.text());
            return new SendResult("SM" + sent.size(), DeliveryStatus.SENT);
        }

        @Override
        public Health health() {
            return new Health(Health.State.UP, "test");
        }
    }

    private TestContext context;
    private ReplyService replies;
    private Dispatcher dispatcher;
    private final SmsInstance stuck = new SmsInstance("stuck");
    private final SmsInstance main = new SmsInstance("main");

    private void setUp(String kind) throws Exception {
        context = new TestContext(kind);
        ChannelAdapters adapters = new ChannelAdapters();
        adapters.add(stuck);
        adapters.add(main);
        replies = new ReplyService(context.database, context.inbox, adapters, context.publisher, context.attachments);
        dispatcher = new Dispatcher(context.database, adapters, context.publisher, Dispatcher.FIRST_BACKOFF);
    }

    @AfterEach
    void stop() {
        stuck.released.countDown();
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }

    /** The conversation a customer started by writing to this instance. */
    private String conversationOn(SmsInstance sms, String phone) throws Exception {
        context.inbox.insert(List.of(new InboundMessage("sms", sms.instance, "in-" + phone, Party.of(null, new Identifier("phone", phone)),
                "hello", null, null, null, null)));
        context.pending().processPending();
        String customer = context.directory.findByIdentifier("phone", phone).orElseThrow().id();
        return context.conversations.conversations(customer, null, null, 0, 50).items().get(0).id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anInstanceThatHangsDelaysNoOtherInstance(String kind) throws Exception {
        setUp(kind);
        stuck.hangs = true;
        replies.reply(conversationOn(stuck, "+79161234567"), "to the stuck one", List.of(), null, null, null);
        replies.reply(conversationOn(main, "+4930123456"), "to the healthy one", List.of(), null, null, null);

        await().until(() -> {
            dispatcher.dispatchDue();
            return main.sent.contains("to the healthy one");
        });
        assertEquals(1, stuck.released.getCount(), "delivered while the other instance still hangs");
        assertEquals(List.of(), stuck.sent);

        stuck.released.countDown();
        await().until(() -> dispatcher.inFlight() == 0);
        assertEquals(List.of("to the stuck one"), stuck.sent, "the hung send completes and is not started twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLaterReplyWaitsForAnEarlierOneThatIsRetrying(String kind) throws Exception {
        setUp(kind);
        String conversation = conversationOn(main, "+79161234567");
        main.failures.set(1);
        replies.reply(conversation, "first", List.of(), null, null, null);
        replies.reply(conversation, "second", List.of(), null, null, null);

        dispatcher.dispatchDue();
        await().until(() -> dispatcher.inFlight() == 0);
        assertEquals(0, dispatcher.dispatchDue(), "the second waits while the first backs off");
        assertEquals(List.of(), main.sent);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            dispatcher.dispatchDue();
            return main.sent.size() == 2;
        });
        assertEquals(List.of("first", "second"), main.sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aProvidersRetryAfterIsWaitedOut(String kind) throws Exception {
        setUp(kind);
        String conversation = conversationOn(main, "+79161234567");
        main.failures.set(1);
        main.retryAfter = Duration.ofMinutes(30);
        replies.reply(conversation, "rate limited", List.of(), null, null, null);

        dispatcher.dispatchDue();
        await().until(() -> dispatcher.inFlight() == 0);
        assertEquals(0, dispatcher.dispatchDue(), "not due again before the provider's retry-after");
        assertTrue(main.sent.isEmpty());
        assertTrue(new DeadLettersService(context.database).failedReplies(10).isEmpty(), "waiting, not failed");
    }
}
