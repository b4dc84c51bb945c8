package org.seamline.channel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.seamline.core.http.RetryAfter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.health.Health;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;

/** Replies through the real route and HTTP client to a real local receiver: one attempt each, classified. */
class OutboundSenderTest {

    private static final int TIMEOUT_MILLIS = 500;
    private static final OutboundMessage REPLY = new OutboundMessage("msg-1", "idem-1", "api", "shop",
            Party.of("Anna", new Identifier("email", "anna@example.com")), "Your order ships today", List.of(), "conv-1", null);

    private CamelContext camel;
    private CallbackReceiver receiver;

    private OutboundSender sender(Integer... statuses) throws Exception {
        receiver = new CallbackReceiver(statuses);
        return sender(receiver.url());
    }

    private OutboundSender sender(URI callback) throws Exception {
        ApiChannelSettings settings = new ApiChannelSettings(new Signature("s3cret"), callback, 1024, TIMEOUT_MILLIS);
        camel = new DefaultCamelContext();
        camel.addRoutes(new SendRoute("shop", new CallbackPoster(() -> settings)));
        camel.start();
        return new OutboundSender("shop");
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
    void aTransientFailureIsOneAttemptLeftToTheOutboxAndShowsInHealth() throws Exception {
        for (int status : new int[] {500, 503, 408}) {
            OutboundSender sender = sender(status);

            SendException e = assertThrows(SendException.class, () -> sender.send(producer(), REPLY));

            assertEquals(1, receiver.received.size(), "no retry inside the plugin");
            assertTrue(e.isRetryable(), status + " may go through later");
            assertEquals(Optional.empty(), e.retryAfter());
            assertEquals(Health.State.DEGRADED, sender.health().state());
            close();
        }
    }

    @Test
    void aRateLimitPassesTheReceiversRetryAfterOn() throws Exception {
        OutboundSender sender = sender(429);
        receiver.retryAfter = "120";

        SendException e = assertThrows(SendException.class, () -> sender.send(producer(), REPLY));

        assertTrue(e.isRetryable());
        assertEquals(Optional.of(Duration.ofMinutes(2)), e.retryAfter());
        assertEquals(DeliveryStatus.SENT, sender.send(producer(), REPLY).status(), "the next attempt goes through");
        assertEquals(Health.State.UP, sender.health().state());
    }

    @Test
    void aRetryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse(" 30 "));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT"), "a date passed");
        assertTrue(RetryAfter.parse("Fri, 01 Jan 2100 00:00:00 GMT").orElseThrow().toDays() > 300);
        assertEquals(Optional.empty(), RetryAfter.parse("soon"));
        assertEquals(Optional.empty(), RetryAfter.parse(null));
    }

    @Test
    void aRefusalIsNotRetryable() throws Exception {
        OutboundSender sender = sender(400);

        SendException e = assertThrows(SendException.class, () -> sender.send(producer(), REPLY));

        assertEquals(1, receiver.received.size());
        assertFalse(e.isRetryable());
    }

    @Test
    void anUnreachableReceiverIsRetryable() throws Exception {
        OutboundSender sender = sender();
        receiver.close();

        SendException e = assertThrows(SendException.class, () -> sender.send(producer(), REPLY));

        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("callback failed"), e.getMessage());
    }

    @Test
    void aReceiverThatNeverAnswersEndsTheAttemptAtTheTimeout() throws Exception {
        // Connections queue in the backlog and are never answered: a hung callback.
        try (ServerSocket hung = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            OutboundSender sender = sender(URI.create("http://127.0.0.1:" + hung.getLocalPort() + "/callback"));

            SendException e = assertThrows(SendException.class, () -> sender.send(producer(), REPLY));

            assertTrue(e.isRetryable());
            assertTrue(e.getMessage().contains("SocketTimeoutException"), e.getMessage());
        }
    }
}
