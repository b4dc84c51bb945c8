package org.seamline.context;

import org.seamline.api.message.DeliveryStatus;

/**
 * A reply accepted for sending: committed to the outbox before this answer. {@code duplicate} when the same
 * idempotency key was used before (then nothing new was queued and this is the first reply).
 */
public record QueuedReply(String messageId, String conversationId, String channel, String instance, DeliveryStatus status,
                          boolean duplicate) {
}
