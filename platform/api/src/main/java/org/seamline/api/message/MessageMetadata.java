package org.seamline.api.message;

/**
 * Metadata keys of {@link InboundMessage#metadata()} and {@link OutboundMessage#metadata()} the platform itself
 * reads or writes. Channels may add their own
 * keys; these have a fixed meaning everywhere.
 */
public final class MessageMetadata {

    /**
     * The channel's own thread (an email thread's root Message-ID, a chat session id). Conversations continue per
     * thread when the customer context is configured so.
     */
    public static final String THREAD = "thread";

    /**
     * The conversation the channel knows this message answers (an email replying to one of our messages). It is
     * continued when it belongs to the sender; otherwise ignored.
     */
    public static final String CONVERSATION = "conversation";

    /**
     * {@code true} for mail written by a machine (out-of-office, auto-replies, bulk): recorded, but it never reopens
     * a resolved conversation and never triggers an automatic answer.
     */
    public static final String AUTOMATIC = "automatic";

    /** An email's subject, or the subject of whatever the channel calls a message title. */
    public static final String SUBJECT = "subject";

    /**
     * On an {@link OutboundMessage}: the provider id of the customer's latest message on this channel in the
     * conversation (an email's Message-ID), so a reply can thread under it. Its {@link #SUBJECT} comes along.
     */
    public static final String IN_REPLY_TO = "inReplyTo";

    /**
     * Provider ids of earlier messages this one answers, nearest first, separated by spaces (an email's In-Reply-To,
     * then its References right to left; a chat reply's quoted message). The platform continues the conversation of
     * the nearest one it recorded to or from the sender on this channel. On an {@link OutboundMessage}: the
     * references of the message named by {@link #IN_REPLY_TO}, for channels that thread by a chain of ids.
     */
    public static final String REFERENCES = "references";

    /**
     * What makes two messages under one provider id the same message (an email's body hash). A message that
     * arrives under a stored provider id but with another fingerprint is a different message from a sender that
     * reuses ids: it is stored too, under {@code <provider id>#<first 16 characters of the fingerprint>}, instead of
     * being dropped as a repeat. Without a fingerprint the provider id alone decides.
     */
    public static final String FINGERPRINT = "fingerprint";

    /**
     * What an inbound interaction is when it is not a written message: {@value #CALL} for a phone call (a voice
     * channel's; its text is the transcription, if any). The timeline records it under that kind; it continues the
     * customer's conversation like a message.
     */
    public static final String KIND = "kind";

    /** The {@link #KIND} of a phone call. */
    public static final String CALL = "call";

    /**
     * On an {@link InboundMessage}: until when the channel's customer-service window is open after this message
     * (WhatsApp: 24 h after it was received), an ISO-8601 instant such as {@code 2026-05-02T10:00:00Z}. The platform
     * records it for the sender's customer when it processes the message, so the window is known also for a customer
     * the message creates.
     */
    public static final String SERVICE_WINDOW_UNTIL = "serviceWindowUntil";

    /**
     * On an {@link OutboundMessage}: the name of an approved message template the reply asked for (a WhatsApp
     * template), which a channel with a customer-service window sends instead of the text when the window is closed.
     * The channel maps the name to its provider's template per language.
     */
    public static final String TEMPLATE = "template";

    /**
     * On an {@link OutboundMessage} with a {@link #TEMPLATE}: the template's variables as a JSON object of strings,
     * e.g. <code>{"1":"Ana","2":"14:30"}</code>; absent when it has none.
     */
    public static final String TEMPLATE_VARIABLES = "templateVariables";

    /**
     * On an {@link OutboundMessage}: the recipient's preferred language as the customer's profile records it (e.g.
     * {@code ru}, {@code en-GB}); absent when none is recorded. Channels pick a {@link #TEMPLATE}'s language by it.
     */
    public static final String LANGUAGE = "language";

    private MessageMetadata() {
    }
}
