package org.seamline.api.channel;

/** What a channel can carry, so the platform picks a channel that fits the message. */
public enum Capability {
    TEXT,
    RICH_TEXT,
    ATTACHMENTS,
    DELIVERY_RECEIPTS,
    READ_RECEIPTS,
    TEMPLATES,
    VOICE
}
