package org.seamline.channel.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.Party;

/**
 * Twilio's inbound WhatsApp webhook (channel-protocols.md §A.3) as an {@link InboundMessage}: the sender's number and
 * user id, their profile name, the text, and what WhatsApp adds (a tapped button, a shared location, the message it
 * quotes) as metadata. Every message opens the customer-service window for 24 hours.
 */
final class WhatsAppInbound {

    static final String CHANNEL = "whatsapp";
    /** WhatsApp's customer-service window: free text may be sent until 24 h after the customer's last message. */
    static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    /** Metadata keys of this channel. */
    static final String BUTTON_TEXT = "buttonText";
    static final String BUTTON_PAYLOAD = "buttonPayload";
    static final String LOCATION = "location";
    static final String LOCATION_LABEL = "locationLabel";
    static final String LOCATION_ADDRESS = "locationAddress";
    static final String MESSAGE_TYPE = "messageType";
    static final String FORWARDED = "forwarded";

    /** WhatsApp profile names are at most 25 characters; more is not a name we should keep. */
    private static final int MAX_NAME = 100;

    private WhatsAppInbound() {
    }

    /**
     * @param params  the webhook's form parameters
     * @param skipped files that could not be stored, mentioned in the text so an agent knows
     * @throws IllegalArgumentException without a MessageSid or a sender we could ever recognise
     */
    static InboundMessage message(String instance, Map<String, String> params, List<Attachment> attachments,
                                  List<String> skipped, Instant receivedAt) {
        String sid = nonBlank(params.get("MessageSid"));
        if (sid == null) {
            throw new IllegalArgumentException("the webhook has no MessageSid");
        }
        List<Identifier> sender = WhatsAppAddress.sender(params.get("From"), params.get("WaId"), params.get("ExternalUserId"));
        if (sender.isEmpty()) {
            throw new IllegalArgumentException("the webhook names no sender number or WhatsApp user id");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(MessageMetadata.SERVICE_WINDOW_UNTIL, receivedAt.plus(SERVICE_WINDOW).toString());
        put(metadata, MessageMetadata.REFERENCES, params.get("OriginalRepliedMessageSid"));
        put(metadata, BUTTON_TEXT, params.get("ButtonText"));
        put(metadata, BUTTON_PAYLOAD, params.get("ButtonPayload"));
        put(metadata, MESSAGE_TYPE, params.get("MessageType"));
        if ("true".equalsIgnoreCase(params.get("Forwarded"))) {
            metadata.put(FORWARDED, "true");
        }
        String location = location(params);
        put(metadata, LOCATION, location);
        if (location != null) {
            put(metadata, LOCATION_LABEL, params.get("Label"));
            put(metadata, LOCATION_ADDRESS, params.get("Address"));
        }
        return new InboundMessage(CHANNEL, instance, sid, new Party(name(params.get("ProfileName")), sender),
                text(params, location, skipped), attachments, null, receivedAt, metadata);
    }

    /** The text, or for a shared location without one a line saying where; files left out are named after it. */
    private static String text(Map<String, String> params, String location, List<String> skipped) {
        StringBuilder text = new StringBuilder();
        String body = nonBlank(params.get("Body"));
        if (body != null) {
            text.append(body);
        } else if (location != null) {
            text.append("Shared a location: ");
            for (String part : new String[] {params.get("Label"), params.get("Address")}) {
                if (nonBlank(part) != null) {
                    text.append(part.strip()).append(", ");
                }
            }
            text.append(location);
        }
        for (String file : skipped) {
            text.append(text.length() == 0 ? "" : "\n").append("[not stored: ").append(file).append(']');
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** {@code 52.52,13.40} when both coordinates are numbers; null otherwise. */
    private static String location(Map<String, String> params) {
        String latitude = nonBlank(params.get("Latitude"));
        String longitude = nonBlank(params.get("Longitude"));
        if (latitude == null || longitude == null) {
            return null;
        }
        try {
            return Double.parseDouble(latitude) + "," + Double.parseDouble(longitude);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The profile name is whatever the user typed: control characters go, and it is kept short. */
    private static String name(String profileName) {
        String name = nonBlank(profileName);
        if (name == null) {
            return null;
        }
        String visible = name.replaceAll("\\p{Cc}|\\p{Cf}", "").strip();
        return visible.isEmpty() ? null : visible.codePoints().limit(MAX_NAME)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        String v = nonBlank(value);
        if (v != null) {
            metadata.put(key, v.strip());
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
