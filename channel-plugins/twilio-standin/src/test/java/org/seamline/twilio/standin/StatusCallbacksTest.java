package org.seamline.twilio.standin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusCallbacksTest {

    private static final String ACCOUNT = RestApiTest.ACCOUNT;
    private static final String TOKEN = RestApiTest.TOKEN;
    private static final PhoneNumber BUSINESS = new PhoneNumber("+14155550199");
    private static final PhoneNumber WA_BUSINESS = new PhoneNumber("whatsapp:+14155550199");
    private static final PhoneNumber WA_USER = new PhoneNumber("whatsapp:+4915112345678");

    private final TwilioStandIn twilio = TwilioStandIn.start(ACCOUNT, TOKEN);
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final TwilioRestClient sdk = new TwilioRestClient.Builder(ACCOUNT, TOKEN)
            .httpClient(new StandInHttpClient(twilio.apiBaseUrl())).build();
    private final String statusUrl = receiver.url("/hooks/twilio/shop/status?tenant=a%20b");

    StatusCallbacksTest() throws IOException {
    }

    @AfterEach
    void stop() {
        twilio.close();
        receiver.close();
    }

    private String send(PhoneNumber to, PhoneNumber from, String body) {
        return Message.creator(to, from, body).setStatusCallback(statusUrl).create(sdk).getSid();
    }

    private List<WebhookReceiver.Received> awaitCallbacks(int count) {
        await().until(() -> receiver.received().size() >= count);
        return receiver.received();
    }

    private static List<String> statuses(List<WebhookReceiver.Received> callbacks) {
        return callbacks.stream().map(callback -> callback.param("MessageStatus")).toList();
    }

    @Test
    void smsCallbacksArriveSignedAndInOrder() {
        String sid = send(new PhoneNumber("+14155550100"), BUSINESS, "hello");

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(3);

        assertEquals(List.of("queued", "sent", "delivered"), statuses(callbacks));
        for (WebhookReceiver.Received callback : callbacks) {
            assertTrue(callback.validFor(TOKEN), "signed over the exact URL including the query");
            assertEquals(sid, callback.param("MessageSid"));
            assertEquals(sid, callback.param("SmsSid"));
            assertEquals(callback.param("MessageStatus"), callback.param("SmsStatus"));
            assertEquals(ACCOUNT, callback.param("AccountSid"));
            assertEquals("+14155550199", callback.param("From"));
            assertEquals("+14155550100", callback.param("To"));
            assertEquals("2010-04-01", callback.param("ApiVersion"));
            assertNull(callback.param("ErrorCode"));
            assertEquals("TwilioProxy/1.1", callback.userAgent());
        }
        assertEquals(3, callbacks.stream().map(WebhookReceiver.Received::idempotencyToken).distinct().count());
        assertTrue(callbacks.get(2).param("RawDlrDoneDate").matches("\\d{10}"));
        await().until(() -> twilio.sentCallbacks().size() == 3);
        assertTrue(twilio.sentCallbacks().stream().allMatch(sent -> sent.delivery().accepted()));
    }

    @Test
    void whatsAppAddsReadInsideTheWindow() {
        twilio.inboundWhatsApp(receiver.url("/hooks/twilio/shop/inbound"), "+4915112345678", "+14155550199", "hi", Map.of());

        send(WA_USER, WA_BUSINESS, "free-form reply");

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(1 + 4).subList(1, 5);
        assertEquals(List.of("queued", "sent", "delivered", "read"), statuses(callbacks));
        WebhookReceiver.Received read = callbacks.get(3);
        assertEquals("READ", read.param("EventType"));
        assertEquals("whatsapp", read.param("ChannelPrefix"));
        assertEquals("+4915112345678", read.param("ChannelToAddress"));
        assertEquals("whatsapp:+4915112345678", read.param("To"));
    }

    @Test
    void aFreeFormWhatsAppOutsideTheWindowIsAcceptedThenUndelivered63016() {
        String sid = send(WA_USER, WA_BUSINESS, "are you still there?");

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(3);

        assertEquals(List.of("queued", "sent", "undelivered"), statuses(callbacks));
        assertEquals("63016", callbacks.get(2).param("ErrorCode"));
        Message fetched = Message.fetcher(sid).fetch(sdk);
        assertEquals(Message.Status.UNDELIVERED, fetched.getStatus());
        assertEquals(63016, fetched.getErrorCode());
    }

    @Test
    void aTemplateIsDeliveredOutsideTheWindow() {
        Message.creator(WA_USER, WA_BUSINESS, (String) null).setContentSid("HX" + "a".repeat(32))
                .setStatusCallback(statusUrl).create(sdk);

        assertEquals(List.of("queued", "sent", "delivered", "read"), statuses(awaitCallbacks(4)));
    }

    @Test
    void theWindowClosesTwentyFourHoursAfterTheLastInboundMessage() {
        Instant inboundAt = Instant.parse("2025-03-01T10:00:00Z");
        twilio.clock(Clock.fixed(inboundAt, ZoneOffset.UTC));
        twilio.inboundWhatsApp(receiver.url("/inbound"), "+4915112345678", "+14155550199", "hi", Map.of());

        twilio.clock(Clock.fixed(inboundAt.plus(Duration.ofHours(23)), ZoneOffset.UTC));
        send(WA_USER, WA_BUSINESS, "within the window");
        await().until(() -> receiver.received("/hooks/twilio/shop/status").size() == 4);
        twilio.clock(Clock.fixed(inboundAt.plus(Duration.ofHours(24)), ZoneOffset.UTC));
        send(WA_USER, WA_BUSINESS, "one day later");

        List<WebhookReceiver.Received> late = awaitCallbacks(1 + 4 + 3).subList(5, 8);
        assertEquals(List.of("queued", "sent", "undelivered"), statuses(late));
        assertEquals("63016", late.get(2).param("ErrorCode"));
    }

    @Test
    void finalStatusForReplacesTheHappyPath() {
        twilio.finalStatusFor("+14155550100", "undelivered", 30003);

        String sid = send(new PhoneNumber("+14155550100"), BUSINESS, "hello");

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(3);
        assertEquals(List.of("queued", "sent", "undelivered"), statuses(callbacks));
        assertEquals("30003", callbacks.get(2).param("ErrorCode"));
        await().until(() -> Message.fetcher(sid).fetch(sdk).getErrorCode() != null);
        assertEquals(30003, Message.fetcher(sid).fetch(sdk).getErrorCode());
    }

    @Test
    void shuffledCallbacksCarryEveryStatusOnce() {
        twilio.callbackMode(CallbackMode.SHUFFLED);
        for (int i = 0; i < 5; i++) {
            send(new PhoneNumber("+1415555010" + i), BUSINESS, "hello " + i);
        }

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(15);

        Map<String, List<String>> byMessage = callbacks.stream().collect(Collectors.groupingBy(
                callback -> callback.param("MessageSid"), Collectors.mapping(c -> c.param("MessageStatus"), Collectors.toList())));
        assertEquals(5, byMessage.size());
        byMessage.values().forEach(order -> assertEquals(List.of("delivered", "queued", "sent"),
                order.stream().sorted().toList()));
        assertTrue(callbacks.stream().allMatch(callback -> callback.validFor(TOKEN)));
    }

    @Test
    void duplicatedCallbacksComeTwiceWithTheSameToken() {
        twilio.callbackMode(CallbackMode.DUPLICATED);

        send(new PhoneNumber("+14155550100"), BUSINESS, "hello");

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(6);
        assertEquals(List.of("queued", "queued", "sent", "sent", "delivered", "delivered"), statuses(callbacks));
        for (int i = 0; i < 6; i += 2) {
            assertEquals(callbacks.get(i).idempotencyToken(), callbacks.get(i + 1).idempotencyToken());
        }
        assertNotEquals(callbacks.get(0).idempotencyToken(), callbacks.get(2).idempotencyToken());
    }

    @Test
    void withoutCallbacksTheResourceStillReachesItsFinalStatus() {
        twilio.callbackMode(CallbackMode.NONE);

        String sid = send(new PhoneNumber("+14155550100"), BUSINESS, "hello");

        await().until(() -> Message.fetcher(sid).fetch(sdk).getStatus() == Message.Status.DELIVERED);
        assertTrue(receiver.received().isEmpty());
    }
}
