package org.seamline.channel.twilio;

import java.util.List;

/**
 * One message to create through {@code Messages.json}.
 *
 * @param to               the recipient, e.g. {@code +4915112345678} or {@code whatsapp:+4915112345678}
 * @param from             a sender number ({@code whatsapp:}-prefixed for WhatsApp) or a messaging service SID {@code MG…}
 * @param body             free text; null for a template-only message
 * @param mediaUrls        public URLs of files Twilio fetches; never null
 * @param contentSid       an approved Content template {@code HX…}, or null
 * @param contentVariables the template's variables as a JSON object string ({@code {"1":"Ana"}}), or null
 * @param statusCallback   where Twilio reports delivery, or null
 * @param idempotencyToken the outbox's key for this message, the same on every retry
 */
public record MessageRequest(String to, String from, String body, List<String> mediaUrls, String contentSid,
                             String contentVariables, String statusCallback, String idempotencyToken) {

    public MessageRequest {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }

    /** Whether {@link #from} names a messaging service rather than a number. */
    public boolean fromService() {
        return from != null && from.startsWith("MG");
    }
}
