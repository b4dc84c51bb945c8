package org.seamline.channel.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.DeliveryUpdate;

/** Twilio's status callbacks as the platform's delivery updates. */
class MessageStatusCallbacksTest {

    private static DeliveryUpdate update(Map<String, String> params) throws Exception {
        TwilioWebhook hook = TwilioWebhook.read(FormRequests.post(FormRequests.encode(params), Map.of()), 64 * 1024);
        return MessageStatusCallbacks.update("msg-1", hook).orElseThrow();
    }

    @Test
    void aWhatsAppReadReceiptIsRead() throws Exception {
        DeliveryUpdate read = update(Map.of("MessageSid", "SM1", "MessageStatus", "read", "EventType", "READ"));
        assertEquals(DeliveryStatus.READ, read.status());
        assertEquals("SM1", read.providerMessageId());
    }

    @Test
    void undeliveredOutsideTheWindowFailsTheMessageWithoutBlamingTheAddress() throws Exception {
        DeliveryUpdate outside = update(Map.of("MessageSid", "SM1", "MessageStatus", "undelivered", "ErrorCode", "63016"));
        assertEquals(DeliveryStatus.FAILED, outside.status(), "UNDELIVERED would mark the number unreachable");
        assertEquals("undelivered, error 63016", outside.detail());
    }

    @Test
    void undeliveredForACarrierReasonStaysUndelivered() throws Exception {
        DeliveryUpdate carrier = update(Map.of("MessageSid", "SM1", "MessageStatus", "undelivered", "ErrorCode", "30003"));
        assertEquals(DeliveryStatus.UNDELIVERED, carrier.status());
        assertTrue(carrier.detail().contains("30003"));
    }
}
