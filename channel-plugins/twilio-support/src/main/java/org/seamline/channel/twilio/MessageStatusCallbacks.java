package org.seamline.channel.twilio;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.DeliveryUpdate;

/**
 * Twilio's message status callbacks as the platform's delivery updates. The platform merges them by rank, so a
 * callback that arrives late, twice or out of order never moves a message backwards.
 */
public final class MessageStatusCallbacks {

    /** The query parameter of our status callback URL that names the platform's message. */
    public static final String MESSAGE_PARAM = "m";

    /**
     * Error codes of undelivered messages that say nothing against the address: 63016 (WhatsApp free text outside
     * the 24-hour window), 63018 (WhatsApp rate limit), 63038 (the account's daily message limit).
     */
    private static final Set<String> NOT_THE_ADDRESS = Set.of("63016", "63018", "63038");

    private MessageStatusCallbacks() {
    }

    /** The status callback URL of one outbound message, under the instance's public base URL. */
    public static String url(PublicBaseUrl base, String channel, String instance, String messageId) {
        return base.resolve("/hooks/" + channel + "/" + instance + "/status?" + MESSAGE_PARAM + "=" + messageId);
    }

    /**
     * The update a callback reports; empty for a status that says nothing about delivery ({@code receiving}), or
     * a callback that names no message of ours. An undelivered message whose error code blames no address (63016,
     * 63018, 63038) is FAILED rather than UNDELIVERED; the detail keeps Twilio's word and code either way.
     *
     * @param messageId the platform's message id from the callback URL's query
     */
    public static Optional<DeliveryUpdate> update(String messageId, TwilioWebhook hook) {
        String raw = hook.nonBlank("MessageStatus") != null ? hook.nonBlank("MessageStatus") : hook.nonBlank("SmsStatus");
        if ("READ".equalsIgnoreCase(hook.nonBlank("EventType"))) {
            raw = "read";
        }
        DeliveryStatus status = status(raw);
        if (messageId == null || messageId.isBlank() || status == null) {
            return Optional.empty();
        }
        String code = hook.nonBlank("ErrorCode");
        if (status == DeliveryStatus.UNDELIVERED && code != null && NOT_THE_ADDRESS.contains(code)) {
            // The platform marks the address of an undelivered message as unreachable; these codes say the address
            // is fine and this message was refused, so a later one (a template, after the limit) can go through.
            status = DeliveryStatus.FAILED;
        }
        String detail = code == null ? raw : raw + ", error " + code;
        return Optional.of(new DeliveryUpdate(messageId, hook.nonBlank("MessageSid"), status, Instant.now(), detail));
    }

    /** Twilio's status words (twilio-java {@code Message.Status}) on the platform's scale. */
    static DeliveryStatus status(String twilio) {
        if (twilio == null) {
            return null;
        }
        return switch (twilio.toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued", "sending" -> DeliveryStatus.QUEUED;
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "undelivered" -> DeliveryStatus.UNDELIVERED;
            case "failed", "canceled" -> DeliveryStatus.FAILED;
            default -> null;
        };
    }

    /** The status of a message Twilio just took, from the create call's answer. */
    public static DeliveryStatus created(String twilioStatus) {
        DeliveryStatus status = status(twilioStatus);
        return status == null ? DeliveryStatus.QUEUED : status;
    }
}
