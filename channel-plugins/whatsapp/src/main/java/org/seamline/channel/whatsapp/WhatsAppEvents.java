package org.seamline.channel.whatsapp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.seamline.api.customer.CustomerSignals;
import org.seamline.api.customer.Purpose;
import org.seamline.api.ingress.DeliveryReports;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryUpdate;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.OutboundMessage;
import org.seamline.channel.twilio.MessagingEvents;
import org.seamline.channel.twilio.MessagingSender;
import org.seamline.channel.twilio.TwilioFailure;
import org.seamline.channel.twilio.TwilioWebhook;

/**
 * What one instance makes of Twilio's webhooks and refusals: inbound messages, and what error codes say about the
 * customer. 63016 (free text outside the window) closes the window and flags the conversation; 21610 and 63014 (the
 * user opted out or blocked the business) withdraw marketing consent and mark the number unreachable until the
 * customer writes again; 21211 and 21614 (no WhatsApp number) mark it unreachable.
 */
final class WhatsAppEvents implements MessagingEvents, MessagingSender.RefusalListener {

    static final String OUTSIDE_WINDOW = "63016";
    private static final List<String> OPTED_OUT = List.of("21610", "63014");
    private static final List<String> UNREACHABLE = List.of("21211", "21614");

    private final String instance;
    private final CustomerSignals signals;
    private final DeliveryReports reports;
    private final Clock clock;

    WhatsAppEvents(String instance, CustomerSignals signals, DeliveryReports reports, Clock clock) {
        this.instance = instance;
        this.signals = signals;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public InboundMessage message(TwilioWebhook hook, List<Attachment> attachments, List<String> skipped) {
        return WhatsAppInbound.message(instance, hook.params(), attachments, skipped, clock.instant());
    }

    /** A status callback's error code; the recipient is the callback's {@code To}. */
    @Override
    public void reported(TwilioWebhook hook, DeliveryUpdate update) throws IngressUnavailableException {
        String code = hook.nonBlank("ErrorCode");
        Optional<Identifier> recipient = WhatsAppAddress.identifier(hook.param("To"));
        if (code == null || recipient.isEmpty()) {
            return;
        }
        learn(code, recipient.get(), update.providerMessageId(), update.messageId());
    }

    /** A send Twilio refused for good. */
    @Override
    public void refused(OutboundMessage message, TwilioFailure failure) throws IngressUnavailableException {
        Optional<Identifier> recipient = WhatsAppAddress.recipient(message.to());
        if (failure.code() != null && recipient.isPresent()) {
            learn(String.valueOf(failure.code()), recipient.get(), null, message.id());
        }
    }

    private void learn(String code, Identifier recipient, String messageSid, String messageId)
            throws IngressUnavailableException {
        String evidence = "WhatsApp error " + code + " at " + clock.instant()
                + (messageSid == null ? "" : ", MessageSid " + messageSid);
        if (code.equals(OUTSIDE_WINDOW)) {
            signals.serviceWindow(WhatsAppInbound.CHANNEL, instance, recipient, clock.instant());
            reports.flag(messageId, "WhatsApp refused the reply: the customer-service window had closed (error 63016). "
                    + "Send an approved template or wait until the customer writes again.");
        } else if (OPTED_OUT.contains(code)) {
            signals.consent(WhatsAppInbound.CHANNEL, instance, recipient, Purpose.MARKETING, false, evidence);
            signals.unreachable(WhatsAppInbound.CHANNEL, instance, recipient, "opted out or blocked the business: " + evidence);
        } else if (UNREACHABLE.contains(code)) {
            signals.unreachable(WhatsAppInbound.CHANNEL, instance, recipient, "not a WhatsApp number: " + evidence);
        }
    }
}
