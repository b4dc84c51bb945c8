package org.seamline.context;

import java.time.Instant;

/**
 * One thing that happened with a customer, in recorded order: a message ({@code kind = message}, direction
 * {@code in}/{@code out}), a merge or an unmerge; later also status changes, calls and notes.
 */
public record TimelineEntry(long sequence, String customerId, String conversationId, String kind, String direction,
                            String channel, String instance, String interactionId, String providerMessageId, String text,
                            Instant occurredAt) {
}
