package org.seamline.channel.voice;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.channel.twilio.TwilioWebhook;
import org.seamline.channel.twilio.TwilioWebhookServlet;
import org.seamline.channel.twilio.Twiml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every webhook of a voice instance ({@link VoiceEndpoint}), behind the support bundle's door (known endpoint, POST,
 * signature over the public URL). Each answer is written only after what the step recorded is durable.
 */
final class VoiceWebhookServlet extends TwilioWebhookServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(VoiceWebhookServlet.class);
    private static final Set<String> BRIDGED = Set.of("bridged", "bridging-in-process", "redirected-from-bridged");
    private static final Set<String> ANSWERED = Set.of("completed", "answered");
    /** Final call statuses and the outcome of a call that reached none of its own (§F.2 dispositions). */
    private static final Map<String, String> FINAL_STATUS = Map.of("completed", "abandoned_in_ivr",
            "canceled", "abandoned_in_ivr", "busy", "busy", "no-answer", "no_answer", "failed", "failed");
    /** The platform keeps at most 8000 characters per detail; Twilio transcribes at most two minutes of speech. */
    private static final int MAX_TRANSCRIPT = 8_000;

    private final transient Supplier<VoiceSettings> settings;
    private final transient CallRecord calls;
    private final transient Recordings recordings;

    VoiceWebhookServlet(String instance, Supplier<VoiceSettings> settings, CallRecord calls, Recordings recordings) {
        super(VoiceChannel.KIND, instance, VoiceEndpoint.paths(), () -> settings.get().keys());
        this.settings = settings;
        this.calls = calls;
        this.recordings = recordings;
    }

    @Override
    protected void handle(String endpoint, TwilioWebhook hook, HttpServletResponse response)
            throws IOException, IngressUnavailableException {
        VoiceSettings current = settings.get();
        Ivr ivr = current.ivr();
        CallTwiml twiml = current.twiml(instance());
        Ivr.Language language = ivr.language(hook.queryParam("lang"));
        String answer = switch (VoiceEndpoint.of(endpoint).orElseThrow()) {
            case INCOMING -> {
                calls.accept(hook);
                yield twiml.greeting(language);
            }
            case MENU -> twiml.menu(step(hook, language));
            case ROUTE -> route(hook, ivr, twiml, step(hook, language));
            case HOLD -> twiml.hold(language, hook.nonBlank("QueuePosition"), seconds(hook.param("QueueTime")));
            case QUEUE_RESULT -> queueResult(hook, ivr, twiml, language);
            case DIAL_RESULT -> dialResult(hook, ivr, twiml, language);
            case VOICEMAIL_DONE -> {
                calls.event(hook, "voicemail", "voicemail", details("recordingSid", hook.param("RecordingSid"),
                        "duration", hook.param("RecordingDuration"), "endedBy", hook.param("Digits")), List.of());
                calls.outcome(hook, "voicemail");
                yield twiml.goodbye(language);
            }
            case RECORDING_STATUS -> {
                recording(hook);
                yield Twiml.EMPTY;
            }
            case TRANSCRIPTION -> {
                transcription(hook);
                yield Twiml.EMPTY;
            }
            case STATUS -> {
                status(hook);
                yield Twiml.EMPTY;
            }
            case FALLBACK -> {
                // No database here: the main URL may have failed because of it. The voicemail's own callbacks record
                // the call once the platform is back.
                LOG.warn("voice {}: Twilio called the fallback URL for call {} (ErrorCode {})", instance(),
                        hook.param("CallSid"), hook.param("ErrorCode"));
                yield twiml.fallback(ivr.language(null));
            }
        };
        Twiml.write(response, answer);
    }

    /** The caller's answer to the menu: recorded as a step of the call, then what it leads to. */
    private String route(TwilioWebhook hook, Ivr ivr, CallTwiml twiml, MenuStep step) throws IngressUnavailableException {
        MenuChoice.Input input = MenuChoice.Input.of(hook.param("Digits"), hook.param("SpeechResult"), hook.param("Confidence"));
        MenuChoice.Decision decision = MenuChoice.decide(ivr, step.language(), step.attempt(), input);
        calls.event(hook, "ivr:" + step.step(), "ivr", details("step", String.valueOf(step.step()),
                "attempt", String.valueOf(step.attempt()), "language", step.language().tag(), "input", input.mode(),
                "digits", input.digits(), "speech", input.speech(),
                "confidence", input.confidence() == null ? null : input.confidence().toString(),
                "outcome", decision.outcome(), "next", next(decision)), List.of());
        if (decision instanceof MenuChoice.Chosen chosen) {
            return chosen(hook, ivr, twiml, step, chosen.option());
        }
        return decision instanceof MenuChoice.Retry ? twiml.retry(step) : twiml.agent(step.language());
    }

    private String chosen(TwilioWebhook hook, Ivr ivr, CallTwiml twiml, MenuStep step, Ivr.Option option)
            throws IngressUnavailableException {
        return switch (option.action()) {
            case ANSWER -> {
                if (option.then() == Ivr.Then.HANGUP) {
                    calls.outcome(hook, "self_service_resolved");
                }
                yield twiml.answer(step, step.language().options().get(option.id()).answer(), option.then());
            }
            case AGENT -> twiml.agent(step.language());
            case VOICEMAIL -> twiml.voicemail(step.language());
            case LANGUAGE -> twiml.menuIn(step, ivr.language(option.language()));
        };
    }

    /** Where a menu answer leads, for the call's record. */
    private static String next(MenuChoice.Decision decision) {
        if (decision instanceof MenuChoice.Chosen chosen) {
            return chosen.option().action().name().toLowerCase(Locale.ROOT);
        }
        return decision instanceof MenuChoice.Retry ? "menu" : "agent";
    }

    /** The caller left the queue: talked to an agent, hung up, or waited too long (then voicemail). */
    private String queueResult(TwilioWebhook hook, Ivr ivr, CallTwiml twiml, Ivr.Language language)
            throws IngressUnavailableException {
        String result = hook.nonBlank("QueueResult");
        calls.event(hook, "queue", "queue", details("queue", ivr.agent().address(), "queueResult", result,
                "queueTime", hook.param("QueueTime"), "queueSid", hook.param("QueueSid")), List.of());
        if (result != null && BRIDGED.contains(result)) {
            calls.outcome(hook, "agent_handled");
            return twiml.hangup();
        }
        if ("hangup".equals(result)) {
            calls.outcome(hook, "abandoned_in_queue");
            return twiml.hangup();
        }
        return twiml.voicemail(language);
    }

    /** The dialled agent answered, or did not (busy, no answer, failed): then voicemail. */
    private String dialResult(TwilioWebhook hook, Ivr ivr, CallTwiml twiml, Ivr.Language language)
            throws IngressUnavailableException {
        String status = hook.nonBlank("DialCallStatus");
        calls.event(hook, "dial", "dial", details("target", ivr.agent().target().name().toLowerCase(Locale.ROOT),
                "dialCallStatus", status, "dialCallSid", hook.param("DialCallSid"),
                "dialCallDuration", hook.param("DialCallDuration")), List.of());
        if (status != null && ANSWERED.contains(status)) {
            calls.outcome(hook, "agent_handled");
            return twiml.hangup();
        }
        return twiml.voicemail(language);
    }

    /** A voicemail recording is ready (or absent): fetched, stored, attached to the call. */
    private void recording(TwilioWebhook hook) throws IngressUnavailableException {
        String recordingSid = hook.nonBlank("RecordingSid");
        if (recordingSid == null) {
            throw new IllegalArgumentException("a recording callback without RecordingSid");
        }
        String status = hook.nonBlank("RecordingStatus");
        Recordings.Stored stored = "completed".equals(status)
                ? recordings.store(settings.get().downloads(), recordingSid, hook.nonBlank("RecordingUrl"))
                : new Recordings.Stored(Optional.empty(), null);
        List<Attachment> files = stored.file().map(List::of).orElse(List.of());
        calls.event(hook, recordingSid, "recording", details("recordingSid", recordingSid, "status", status,
                "duration", hook.param("RecordingDuration"), "channels", hook.param("RecordingChannels"),
                "source", hook.param("RecordingSource"), "notKept", stored.skipped()), files);
    }

    private void transcription(TwilioWebhook hook) throws IngressUnavailableException {
        String transcriptionSid = hook.nonBlank("TranscriptionSid");
        if (transcriptionSid == null) {
            throw new IllegalArgumentException("a transcription callback without TranscriptionSid");
        }
        String text = hook.param("TranscriptionText");
        calls.event(hook, transcriptionSid, "transcription", details("transcriptionSid", transcriptionSid,
                "status", hook.param("TranscriptionStatus"), "recordingSid", hook.param("RecordingSid"),
                "text", text == null ? null : text.substring(0, Math.min(text.length(), MAX_TRANSCRIPT))), List.of());
    }

    /** A call status callback; at the end of the call the outcome, unless a step recorded one already. */
    private void status(TwilioWebhook hook) throws IngressUnavailableException {
        String callStatus = hook.nonBlank("CallStatus");
        String sequence = hook.nonBlank("SequenceNumber");
        calls.event(hook, "status:" + (sequence != null ? sequence : callStatus), "status", details("callStatus", callStatus,
                "callDuration", hook.param("CallDuration"), "sequenceNumber", sequence, "timestamp", hook.param("Timestamp"),
                "sipResponseCode", hook.param("SipResponseCode"), "answeredBy", hook.param("AnsweredBy")), List.of());
        if (callStatus != null && FINAL_STATUS.containsKey(callStatus)) {
            calls.outcome(hook, FINAL_STATUS.get(callStatus));
        }
    }

    private static MenuStep step(TwilioWebhook hook, Ivr.Language language) {
        return MenuStep.of(hook.queryParam("step"), hook.queryParam("attempt"), language);
    }

    private static int seconds(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Name/value pairs without the absent ones, in order. */
    private static Map<String, String> details(String... namesAndValues) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                details.put(namesAndValues[i], value);
            }
        }
        return details;
    }
}
