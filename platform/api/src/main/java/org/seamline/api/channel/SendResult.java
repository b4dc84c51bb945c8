package org.seamline.api.channel;

import org.seamline.api.message.DeliveryStatus;

/** What the provider said when it took the message: its id for later callbacks and the status reached. */
public record SendResult(String providerMessageId, DeliveryStatus status) {

    public SendResult {
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
    }
}
