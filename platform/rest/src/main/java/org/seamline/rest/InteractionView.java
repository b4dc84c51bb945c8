package org.seamline.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.store.Interaction;

/** The JSON shape of an interaction in the REST API. */
record InteractionView(String id, String channel, String instance, String providerMessageId, Party from, String text,
                       List<Attachment> attachments, Instant sentAt, Instant receivedAt, Map<String, String> metadata) {

    static InteractionView of(Interaction interaction) {
        InboundMessage m = interaction.message();
        return new InteractionView(interaction.id(), m.channel(), m.instance(), m.providerMessageId(), m.from(), m.text(),
                m.attachments(), m.sentAt(), m.receivedAt(), m.metadata());
    }
}
