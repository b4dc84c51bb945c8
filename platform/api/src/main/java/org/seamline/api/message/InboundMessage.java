package org.seamline.api.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message a customer sent, normalised by its channel plugin before it enters the platform.
 *
 * @param channel           the channel kind, e.g. {@code api}, {@code email}, {@code sms}
 * @param instance          the plugin instance (one configured mailbox, number or API endpoint)
 * @param providerMessageId the provider's own id; with channel and instance it makes the idempotency key
 * @param from              who sent it
 * @param text              the plain text, may be null for attachment-only messages
 * @param attachments       files, never null
 * @param sentAt            when the customer sent it, if the provider says; may be null
 * @param receivedAt        when the plugin received it
 * @param metadata          channel-specific extras (subject, thread headers, ...), never null
 */
public record InboundMessage(String channel, String instance, String providerMessageId, Party from, String text,
                             List<Attachment> attachments, Instant sentAt, Instant receivedAt,
                             Map<String, String> metadata) {

    public InboundMessage {
        channel = Text.required(channel, "channel");
        instance = Text.required(instance, "instance");
        providerMessageId = Text.required(providerMessageId, "provider message id");
        if (from == null) {
            throw new IllegalArgumentException("sender is required");
        }
        attachments = Text.list(attachments);
        metadata = Text.map(metadata);
        if (receivedAt == null) {
            receivedAt = Instant.now();
        }
    }

    /** The same message under another provider id. */
    public InboundMessage withProviderMessageId(String id) {
        return new InboundMessage(channel, instance, id, from, text, attachments, sentAt, receivedAt, metadata);
    }
}
