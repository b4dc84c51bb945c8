package org.seamline.channel.voice;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.ingress.InteractionEvents;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.channel.twilio.TwilioWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call as one interaction: accepted into the inbox when it comes in (CallSid as the provider id), and everything
 * later (menu answers, queue and dial results, recordings, transcript, status, outcome) appended to it as events.
 */
final class CallRecord {

    static final String TEXT = "Incoming call";
    private static final Logger LOG = LoggerFactory.getLogger(CallRecord.class);
    /** Call parameters kept on the interaction (§A.6): what an agent wants to see next to the caller. */
    private static final Map<String, String> METADATA = Map.of("Direction", "direction", "To", "to",
            "CallerName", "callerName", "ForwardedFrom", "forwardedFrom", "FromCountry", "fromCountry",
            "StirVerstat", "callerIdVerification", "ParentCallSid", "parentCallSid");

    private final String instance;
    private final Ingress ingress;
    private final InteractionEvents events;

    CallRecord(String instance, Ingress ingress, InteractionEvents events) {
        this.instance = instance;
        this.ingress = ingress;
        this.events = events;
    }

    /**
     * Stores the call once (a redelivery answers the first acceptance). A number the platform cannot read as a phone
     * number is taken as withheld rather than losing the call.
     *
     * @throws IllegalArgumentException when the webhook has no CallSid
     */
    Acceptance accept(TwilioWebhook hook) throws IngressUnavailableException {
        InboundMessage call = message(hook, false);
        try {
            return ingress.accept(call);
        } catch (IllegalArgumentException e) {
            if (Caller.isAnonymous(call.from())) {
                throw e;
            }
            LOG.info("voice {}: call {} from a number the platform cannot use ({}); recorded as a withheld number",
                    instance, call.providerMessageId(), e.getMessage());
            return ingress.accept(message(hook, true));
        }
    }

    /**
     * Appends an event to the webhook's call. A call this instance never accepted (its Voice URL failed and the
     * fallback answered) is accepted first when the webhook says who calls; otherwise the event is dropped with a
     * log line, since it belongs to nothing.
     */
    void event(TwilioWebhook hook, String key, String kind, Map<String, String> details, List<Attachment> attachments)
            throws IngressUnavailableException {
        String callSid = callSid(hook);
        if (events.record(VoiceChannel.KIND, instance, callSid, key, kind, details, attachments)) {
            return;
        }
        if (hook.nonBlank("From") != null) {
            accept(hook);
            if (events.record(VoiceChannel.KIND, instance, callSid, key, kind, details, attachments)) {
                return;
            }
        }
        LOG.warn("voice {}: {} event {} for call {} dropped: no such call was accepted (or it was erased)", instance, kind,
                key, callSid);
    }

    /** The final outcome of the call; the first one recorded stays (see {@code voice-channel.md}). */
    void outcome(TwilioWebhook hook, String disposition) throws IngressUnavailableException {
        event(hook, "outcome", "outcome", Map.of("disposition", disposition), List.of());
    }

    private InboundMessage message(TwilioWebhook hook, boolean withheld) {
        String callSid = callSid(hook);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(MessageMetadata.KIND, MessageMetadata.CALL);
        METADATA.forEach((param, key) -> {
            String value = hook.nonBlank(param);
            if (value != null) {
                metadata.put(key, value.strip());
            }
        });
        return new InboundMessage(VoiceChannel.KIND, instance, callSid,
                withheld ? Caller.anonymous(null, callSid) : Caller.of(hook.param("From"), hook.param("CallerName"), callSid),
                TEXT, List.of(), null, Instant.now(), metadata);
    }

    static String callSid(TwilioWebhook hook) {
        String callSid = hook.nonBlank("CallSid");
        if (callSid == null) {
            throw new IllegalArgumentException("the webhook has no CallSid");
        }
        return callSid.strip();
    }
}
