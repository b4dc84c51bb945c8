package org.seamline.channel.sms;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryUpdate;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.channel.twilio.MessagingEvents;
import org.seamline.channel.twilio.TwilioWebhook;

/** What an SMS instance makes of Twilio's webhooks: the message, and what it says about consent and reachability. */
final class SmsEvents implements MessagingEvents {

    static final String CHANNEL = "sms";

    private final String instance;
    private final Supplier<SmsSettings> settings;
    private final ConsentSignals signals;

    SmsEvents(String instance, Supplier<SmsSettings> settings, ConsentSignals signals) {
        this.instance = instance;
        this.settings = settings;
        this.signals = signals;
    }

    @Override
    public InboundMessage message(TwilioWebhook hook, List<Attachment> attachments, List<String> skipped) {
        String sid = hook.nonBlank("MessageSid");
        String from = hook.nonBlank("From");
        if (sid == null || from == null) {
            throw new IllegalArgumentException("an inbound SMS webhook needs MessageSid and From");
        }
        Map<String, String> metadata = new HashMap<>();
        putIfPresent(metadata, "to", hook.nonBlank("To"));
        putIfPresent(metadata, "segments", hook.nonBlank("NumSegments"));
        putIfPresent(metadata, "optOutType", hook.nonBlank("OptOutType"));
        putIfPresent(metadata, "fromCountry", hook.nonBlank("FromCountry"));
        if (!skipped.isEmpty()) {
            metadata.put("mediaNotStored", String.join("; ", skipped));
        }
        String body = hook.param("Body");
        return new InboundMessage(CHANNEL, instance, sid, Party.of(null, new Identifier(Identifier.PHONE, from)),
                body == null || body.isEmpty() ? null : body, attachments, null, Instant.now(), metadata);
    }

    @Override
    public void accepted(TwilioWebhook hook, InboundMessage message, Acceptance acceptance)
            throws IngressUnavailableException {
        if (acceptance.duplicate()) {
            return; // the first delivery already said it
        }
        Optional<Boolean> consent = settings.get().keywords().consent(hook.nonBlank("OptOutType"), hook.param("Body"));
        if (consent.isPresent()) {
            signals.consent(hook.nonBlank("From"), consent.get(),
                    "SMS " + (consent.get() ? "START" : "STOP") + " at " + message.receivedAt() + ", MessageSid " + message.providerMessageId());
        }
    }

    @Override
    public void reported(TwilioWebhook hook, DeliveryUpdate update) throws IngressUnavailableException {
        String code = hook.nonBlank("ErrorCode");
        String to = hook.nonBlank("To");
        if (code != null && to != null) {
            signals.twilioError(to, code, "status callback for MessageSid " + update.providerMessageId());
        }
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
