package org.seamline.channel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.health.Health;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;

/** Replies through the real route and HTTP client to a real local receiver. */
class OutboundSenderTest {

    private static final int ATTEMPTS = 3;
    private static final OutboundMessage REPLY = new OutboundMessage("msg-1", "idem-1", "api", "shop",
            Party.of("Anna", new Identifier("email", "anna@example.com")), "Your order ships today", List.of(), "conv-1", null);

    private CamelContext camel;
    private CallbackReceiver receiver;

    private OutboundSender sender(Integer... statuses) throws Exception {
        receiver = new CallbackReceiver(statuses);
        ApiChannelSettings settings = new ApiChannelSettings(new Signature("s3cret"), receiver.url(), 1024, ATTEMPTS, 10, 2000);
        camel = new DefaultCamelContext();
        camel.addRoutes(new SendRoute("shop", new CallbackPoster(() -> settings), ATTEMPTS, 10));
        camel.start();
        return new OutboundSender("shop", () -> ATTEMPTS);
    }

    private ProducerTemplate producer() {
        return camel.createProducerTemplate();
    }

    @AfterEach
    void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void postsTheReplyOnceSignedAndWithItsIdempotencyKey() throws Exception {
        OutboundSender sender = sender();

        SendResult result = sender.send(producer(), REPLY);

        assertEquals(new SendResult("ext-1", DeliveryStatus.SENT), result);
        assertEquals(1, receiver.received.size());
        CallbackReceiver.Received callback = receiver.received.get(0);
        assertTrue(new Signature("s3cret").verifies(callback.body().getBytes(StandardCharsets.UTF_8), callback.header("X-Seamline-Signature")));
        assertEquals("idem-1", callback.header("Idempotency-Key"));
        assertTrue(callback.body().contains("\"text\":\"Your order ships today\""));
        assertEquals(Health.State.UP, sender.health().state());
    }

    @Test
    void retriesTransientFailuresWithBackoffUntilDelivered() throws Exception {
        OutboundSender sender = sender(503, 429);

        SendResult result = sender.send(producer(), REPLY);

        assertEquals(DeliveryStatus.SENT, result.status());
        assertEquals(3, receiver.received.size());
        assertEquals("idem-1", receiver.received.get(2).header("Idempotency-Key"), "the same key on every attempt");
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsAndSaysSo() throws Exception {
        OutboundSender sender = sender(500, 502, 503, 200);

        SendException e = assertThrows(SendException.class, () -> sender.send(producer(), REPLY));

        assertEquals(ATTEMPTS, receiver.received.size());
        assertTrue(e.isRetryable(), "the outbox may try again later");
        assertTrue(e.getMessage().startsWith("gave up after 3 attempts"), e.getMessage());
        assertEquals(Health.State.DEGRADED, sender.health().state());
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        OutboundSender sender = sender(400);

        SendException e = assertThrows(SendException.class, () -> sender.send(producer(), REPLY));

        assertEquals(1, receiver.received.size());
        assertFalse(e.isRetryable());
    }

    @Test
    void anUnreachableReceiverIsRetriedThenGivenUp() throws Exception {
        OutboundSender sender = sender();
        receiver.close();

        SendException e = assertThrows(SendException.class, () -> sender.send(producer(), REPLY));

        assertTrue(e.getMessage().contains("callback failed"), e.getMessage());
    }
}
