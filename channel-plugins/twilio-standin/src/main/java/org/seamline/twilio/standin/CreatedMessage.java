package org.seamline.twilio.standin;

import java.util.List;
import java.util.Map;

/**
 * A {@code POST .../Messages.json} the stand-in accepted (answered 201, or stored before a planned error).
 *
 * @param form          every form parameter as received, repeated keys kept in order
 * @param authorization the {@code Authorization} header of the request
 */
public record CreatedMessage(String sid, String to, String from, String messagingServiceSid, String body,
        List<String> mediaUrls, String contentSid, String contentVariables, String statusCallback,
        Map<String, List<String>> form, String authorization) {

    public CreatedMessage {
        mediaUrls = List.copyOf(mediaUrls);
        form = Map.copyOf(form);
    }

    public boolean whatsApp() {
        return to != null && to.startsWith(TwilioStandIn.WHATSAPP_PREFIX);
    }
}
