package org.seamline.context;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.seamline.api.message.Attachment;

/**
 * Something that happened to an interaction after it was accepted, as its channel recorded it
 * ({@link org.seamline.api.ingress.InteractionEvents}): a call's menu choice, queue result, recording, transcript or
 * outcome.
 *
 * @param key         unique within the interaction, e.g. {@code ivr/route/2} or a RecordingSid
 * @param kind        e.g. {@code ivr}, {@code queue}, {@code dial}, {@code recording}, {@code transcription},
 *                    {@code status}, {@code outcome}
 * @param details     what the channel said about it, e.g. {@code digits=1}
 * @param attachments its files ({@code seamline:attachment:<id>}), e.g. a voicemail recording
 */
public record InteractionEvent(String key, String kind, Map<String, String> details, List<Attachment> attachments,
                               Instant recordedAt) {

    public InteractionEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
