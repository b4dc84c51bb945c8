package org.seamline.channel.sms;

import java.time.Instant;
import org.seamline.api.customer.CustomerSignals;
import org.seamline.api.customer.Purpose;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the platform what SMS traffic says about a number: STOP withdraws consent for everything this channel
 * sends, START gives back consent to service messages (marketing needs its own opt-in), and Twilio's error codes
 * say when a number has opted out (21610) or can never receive an SMS (invalid, not mobile, landline).
 */
final class ConsentSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentSignals.class);

    private final String instance;
    private final CustomerSignals signals;

    ConsentSignals(String instance, CustomerSignals signals) {
        this.instance = instance;
        this.signals = signals;
    }

    void consent(String number, boolean granted, String evidence) throws IngressUnavailableException {
        Identifier phone = new Identifier(Identifier.PHONE, number);
        boolean known = signals.consent(SmsEvents.CHANNEL, instance, phone, Purpose.SERVICE, granted, evidence);
        if (!granted) {
            signals.consent(SmsEvents.CHANNEL, instance, phone, Purpose.MARKETING, false, evidence);
        }
        if (!known) {
            // A first message that is STOP: no customer yet. Twilio blocks sends to the number itself, and the
            // first refused send (21610) records it.
            LOG.info("SMS {}: {} from a number no customer has yet; nothing recorded", instance, granted ? "START" : "STOP");
        }
    }

    /** What a Twilio error code says about the recipient, if anything. */
    void twilioError(String number, String code, String where) throws IngressUnavailableException {
        switch (code) {
            case "21610" -> consent(number, false, "Twilio error 21610 (recipient replied STOP) at " + Instant.now() + ", " + where);
            case "21211", "21614", "21635", "30005", "30006" -> signals.unreachable(SmsEvents.CHANNEL, instance,
                    new Identifier(Identifier.PHONE, number), "Twilio error " + code + " (" + reason(code) + "), " + where);
            default -> {
                // other codes say nothing lasting about the number
            }
        }
    }

    private static String reason(String code) {
        return switch (code) {
            case "21211" -> "not a valid phone number";
            case "21614", "21635" -> "not a mobile number";
            case "30005" -> "unknown or inactive number";
            default -> "landline or unreachable carrier";
        };
    }
}
