package org.seamline.channel.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.seamline.api.channel.SendException;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.OutboundMessage;

/**
 * What a reply carries to WhatsApp, decided at send time: its text while the customer-service window is open, the
 * approved template it names once the window has closed, and nothing at all (a final refusal) when it needs a
 * template but names none: a free-form message outside the window would only fail later with 63016.
 *
 * @param body             the free text, or null for a template
 * @param contentSid       the template's Content SID, or null for free text
 * @param contentVariables the template's variables as a JSON object string, or null
 */
record ReplyContent(String body, String contentSid, String contentVariables) {

    /**
     * A window that closes within this margin counts as closed: the message still has to reach Twilio and WhatsApp,
     * and their clocks are not ours.
     */
    static final Duration MARGIN = Duration.ofMinutes(2);

    /**
     * @param windowUntil until when the customer's window is open, as last recorded; empty when none is known
     * @throws SendException (final) when the window is closed and the reply names no usable template
     */
    static ReplyContent of(OutboundMessage message, Optional<Instant> windowUntil, Instant now, Templates templates)
            throws SendException {
        boolean open = windowUntil.isPresent() && windowUntil.get().isAfter(now.plus(MARGIN));
        String template = message.metadata().get(MessageMetadata.TEMPLATE);
        if (open && message.text() != null && !message.text().isBlank()) {
            return new ReplyContent(message.text(), null, null);
        }
        if (template == null) {
            throw new SendException(open ? "the reply has no text to send"
                    : "the customer's WhatsApp service window is closed and the reply names no template: "
                    + "WhatsApp would refuse free text (63016)", false);
        }
        String language = message.metadata().get(MessageMetadata.LANGUAGE);
        String sid = templates.contentSid(template, language).orElseThrow(() -> new SendException(
                templates.has(template)
                        ? "template '" + template + "' has no version in " + (language == null ? "" : language + " or ")
                        + "the default language " + templates.defaultLanguage()
                        : "template '" + template + "' is not configured on this instance (setting 'templates')", false));
        return new ReplyContent(null, sid, message.metadata().get(MessageMetadata.TEMPLATE_VARIABLES));
    }
}
