package org.seamline.context;

import java.time.Instant;
import java.util.List;
import org.seamline.api.message.Attachment;

/**
 * One thing that happened with a customer, in recorded order: a message ({@code kind = message}, direction
 * {@code in}/{@code out}) with its files, a call ({@code kind = call}) with its events, a delivery status, a merge or
 * an unmerge, a conversation's status or assignee change, a note.
 *
 * @param attachments a message's files ({@code seamline:attachment:<id>}: download with
 *                    {@code GET /api/v1/attachments/{id}}); empty for everything else
 * @param events      what happened to an inbound interaction after it was accepted (a call's menu choices,
 *                    recordings, outcome), in recorded order; empty for everything else
 */
public record TimelineEntry(long sequence, String customerId, String conversationId, String kind, String direction,
                            String channel, String instance, String interactionId, String providerMessageId, String text,
                            List<Attachment> attachments, Instant occurredAt, List<InteractionEvent> events) {

    public TimelineEntry {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** An entry without events. */
    public TimelineEntry(long sequence, String customerId, String conversationId, String kind, String direction,
                         String channel, String instance, String interactionId, String providerMessageId, String text,
                         List<Attachment> attachments, Instant occurredAt) {
        this(sequence, customerId, conversationId, kind, direction, channel, instance, interactionId, providerMessageId,
                text, attachments, occurredAt, List.of());
    }

    /** The same entry with these events. */
    public TimelineEntry withEvents(List<InteractionEvent> events) {
        return new TimelineEntry(sequence, customerId, conversationId, kind, direction, channel, instance, interactionId,
                providerMessageId, text, attachments, occurredAt, events);
    }
}
