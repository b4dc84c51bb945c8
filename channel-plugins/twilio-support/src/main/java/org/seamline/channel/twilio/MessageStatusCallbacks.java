package org.seamline.channel.twilio;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.DeliveryUpdate;

/**
 * Twilio's message status callbacks as the platform's delivery updates. The platform merges them by rank, so a
 * callback that arrives late, twice or out of order never moves a message backwards.
 */
public final class MessageStatusCallbacks {

    /** The query parameter of our status callback URL that names the platform's message. */
    public static final String MESSAGE_PARAM = "m";

    private MessageStatusCallbacks() {
    }

    /** The status callback URL of one outbound message, under the instance's public base URL. */
    public static String url(PublicBaseUrl base, String channel, String instance, String messageId) {
        return base.resolve("/hooks/" + channel + "/" + instance + "/status?" + MESSAGE_PARAM + "=" + messageId);
    }

    /**
     * The update a callback reports; empty for a status that says nothing about delivery ({@code receiving}), or
     * a callback that names no message of ours.
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
