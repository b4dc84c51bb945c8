package org.seamline.api.channel;

/** What a channel can carry, so the platform picks a channel that fits the message. */
public enum Capability {
    TEXT,
    RICH_TEXT,
    ATTACHMENTS,
    DELIVERY_RECEIPTS,
    READ_RECEIPTS,
    TEMPLATES,
    VOICE,
    /**
     * The channel lets a business send free text only inside a customer-service window (WhatsApp: 24 h after the
     * customer's last message), reported through {@code CustomerSignals}; outside it only a template
     * ({@code MessageMetadata.TEMPLATE}). The platform refuses a reply without a template while the window is closed
     * or unknown.
     */
    SERVICE_WINDOW
}
