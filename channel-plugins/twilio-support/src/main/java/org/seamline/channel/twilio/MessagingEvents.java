package org.seamline.channel.twilio;

import java.util.List;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryUpdate;
import org.seamline.api.message.InboundMessage;

/** What one messaging channel (SMS, WhatsApp) makes of Twilio's inbound and status webhooks. */
public interface MessagingEvents {

    /**
     * The inbound message a webhook carries, its files already stored.
     *
     * @param skipped files that could never be fetched (too large, gone), to mention in the message
     * @throws IllegalArgumentException for a webhook that can never become a message (no sender): it is dropped
     */
    InboundMessage message(TwilioWebhook hook, List<Attachment> attachments, List<String> skipped);

    /** After the message is durably in the inbox: what the channel learned from it (a STOP, a service window). */
    default void accepted(TwilioWebhook hook, InboundMessage message, Acceptance acceptance)
            throws IngressUnavailableException {
    }

    /** After a status callback is recorded: what its error code says about the customer (opted out, unreachable). */
    default void reported(TwilioWebhook hook, DeliveryUpdate update) throws IngressUnavailableException {
    }
}
