package org.seamline.context;

import java.time.Instant;

/** A reply the dispatcher gave up on (attempts exhausted or refused by the channel): the outbox's dead letter. */
public record FailedReply(String messageId, String conversationId, String customerId, String channel, String instance,
                          int attempts, String lastError, Instant createdAt) {
}
