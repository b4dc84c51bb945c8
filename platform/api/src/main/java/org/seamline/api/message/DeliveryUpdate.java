package org.seamline.api.message;

import java.time.Instant;

/** A status report for an outbound message, from the send itself or a later provider callback. */
public record DeliveryUpdate(String messageId, String providerMessageId, DeliveryStatus status, Instant at, String detail) {

    public DeliveryUpdate {
        messageId = Text.required(messageId, "message id");
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        if (at == null) {
            at = Instant.now();
        }
    }
}
