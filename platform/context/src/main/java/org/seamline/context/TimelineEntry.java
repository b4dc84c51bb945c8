package org.seamline.context;

import java.time.Instant;
import java.util.List;
import org.seamline.api.message.Attachment;

/**
 * One thing that happened with a customer, in recorded order: a message ({@code kind = message}, direction
 * {@code in}/{@code out}) with its files, a delivery status, a merge or an unmerge, a conversation's status or
 * assignee change, a note.
 *
 * @param attachments a message's files ({@code seamline:attachment:<id>}: download with
 *                    {@code GET /api/v1/attachments/{id}}); empty for everything else
 */
public record TimelineEntry(long sequence, String customerId, String conversationId, String kind, String direction,
                            String channel, String instance, String interactionId, String providerMessageId, String text,
                            List<Attachment> attachments, Instant occurredAt) {

    public TimelineEntry {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
