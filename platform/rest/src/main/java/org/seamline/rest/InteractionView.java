package org.seamline.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.InteractionEvent;
import org.seamline.store.Interaction;

/** The JSON shape of an interaction in the REST API. */
record InteractionView(String id, String channel, String instance, String providerMessageId, Party from, String text,
                       List<Attachment> attachments, Instant sentAt, Instant receivedAt, Map<String, String> metadata,
                       List<InteractionEvent> events) {

    /** @param events what happened to it after it was accepted (a call's steps), in recorded order */
    static InteractionView of(Interaction interaction, List<InteractionEvent> events) {
        InboundMessage m = interaction.message();
        return new InteractionView(interaction.id(), m.channel(), m.instance(), m.providerMessageId(), m.from(), m.text(),
                m.attachments(), m.sentAt(), m.receivedAt(), m.metadata(), events == null ? List.of() : events);
    }
}
