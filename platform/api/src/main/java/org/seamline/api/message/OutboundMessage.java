package org.seamline.api.message;

import java.util.List;
import java.util.Map;

/**
 * A message the platform asks a channel to deliver.
 *
 * @param id             the platform's message id
 * @param idempotencyKey stays the same across retries, so a provider or receiver can drop repeats
 * @param channel        the channel kind that should send it
 * @param instance       the plugin instance that should send it
 * @param to             the recipient
 * @param text           plain text, may be null when attachments carry the content
 * @param attachments    files, never null
 * @param conversationId the conversation it belongs to, may be null
 * @param metadata       channel-specific extras (subject, thread references, ...), never null
 */
public record OutboundMessage(String id, String idempotencyKey, String channel, String instance, Party to, String text,
                              List<Attachment> attachments, String conversationId, Map<String, String> metadata) {

    public OutboundMessage {
        id = Text.required(id, "message id");
        idempotencyKey = Text.required(idempotencyKey, "idempotency key");
        channel = Text.required(channel, "channel");
        instance = Text.required(instance, "instance");
        if (to == null) {
            throw new IllegalArgumentException("recipient is required");
        }
        attachments = Text.list(attachments);
        metadata = Text.map(metadata);
    }
}
