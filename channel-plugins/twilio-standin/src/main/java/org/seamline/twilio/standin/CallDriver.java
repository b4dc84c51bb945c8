package org.seamline.twilio.standin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * One inbound call, played by the test as the caller: it requests the voice URL, runs the TwiML it gets like Twilio
 * does, and stops whenever Twilio would wait for the caller ({@code <Gather>}, {@code <Record>}) or for the other
 * side ({@code <Enqueue>}, {@code <Dial>}). The test then answers with {@link #press}, {@link #speak},
 * {@link #silence}, {@link #record}, {@link #queueResult}, {@link #dialResult} or {@link #hangUp}.
 * Every request is signed and carries the standard call parameters. Not thread-safe: one test thread drives it.
 */
public final class CallDriver {

    /** What the call is waiting for. */
    public enum State { NOT_STARTED, GATHERING, RECORDING, QUEUED, DIALING, ENDED }

    /** A {@code <Say>} the caller heard, with its {@code language}. */
    public record Said(String text, String language) {
    }

    private static final String APPLICATION_ERROR = "We are sorry, an application error has occurred. Goodbye.";
    private static final int MAX_DOCUMENTS_WITHOUT_INPUT = 20;

    private final TwilioStandIn standIn;
    private final String voiceUrl;
    private final String statusCallbackUrl;
    private final String callSid = Sids.next("CA");
    private final CallWebhooks webhooks;
    private final List<Said> said = new ArrayList<>();
    private final List<String> played = new ArrayList<>();
    private final List<String> dialed = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Deque<Verb> pending = new ArrayDeque<>();
    private String fallbackUrl;
    private State state = State.NOT_STARTED;
    private String documentUrl;
    private Verb waitingOn;
    private Instant answeredAt;
    private Instant enqueuedAt;
    private String queueSid;
    private int documentsWithoutInput;

    CallDriver(TwilioStandIn standIn, String voiceUrl, String statusCallbackUrl, String from, String to) {
        this.standIn = standIn;
        this.voiceUrl = voiceUrl;
        this.statusCallbackUrl = statusCallbackUrl;
        this.webhooks = new CallWebhooks(standIn.webhooks(), standIn.accountSid(), callSid, from, to);
    }

    /** The number's fallback URL: requested with ErrorCode and ErrorUrl when the voice URL fails. */
    public CallDriver withFallback(String url) {
        this.fallbackUrl = url;
        return this;
    }

    /** Rings: posts the incoming-call webhook ({@code CallStatus=ringing}) and runs the answer. */
    public CallDriver start() {
        expect(State.NOT_STARTED);
        answeredAt = standIn.now();
        Delivery answer = webhooks.request(voiceUrl, "POST", Map.of(), "ringing");
        if (!answer.accepted() && fallbackUrl != null) {
            errors.add(answer.twimlError());
            Map<String, String> error = Map.of("ErrorCode", answer.twimlError().substring(0, 5), "ErrorUrl", voiceUrl);
            run(fallbackUrl, webhooks.request(fallbackUrl, "POST", error, "ringing"));
        } else {
            run(voiceUrl, answer);
        }
        return this;
    }

    // --- the caller's side ---

    /** Presses keys during a {@code <Gather>}; keys after {@code finishOnKey} or beyond {@code numDigits} are lost. */
    public CallDriver press(String digits) {
        expect(State.GATHERING);
        if (!waitingOn.attribute("input", "dtmf").contains("dtmf")) {
            return silence();
        }
        Map<String, String> keys = GatherInput.keys(waitingOn, digits);
        return keys.isEmpty() ? silence() : gatherResult(keys);
    }

    /** Speaks during a {@code <Gather>} with speech input; {@code confidence} may be null (Twilio may omit it). */
    public CallDriver speak(String text, Double confidence) {
        expect(State.GATHERING);
        if (!waitingOn.attribute("input", "dtmf").contains("speech")) {
            return silence();
        }
        Map<String, String> result = new LinkedHashMap<>();
        result.put("SpeechResult", text);
        if (confidence != null) {
            result.put("Confidence", String.valueOf(confidence));
        }
        return gatherResult(result);
    }

    /** Lets a {@code <Gather>} time out: its action only with {@code actionOnEmptyResult}, else the next verb. */
    public CallDriver silence() {
        expect(State.GATHERING);
        if (waitingOn.flag("actionOnEmptyResult")) {
            return gatherResult(Map.of());
        }
        continueDocument();
        return this;
    }

    /** Leaves a message of {@code seconds} during {@code <Record>} and ends it with {@code #} (or another finishOnKey). */
    public CallDriver record(int seconds) {
        return record(seconds, null);
    }

    /** As {@link #record(int)}; a non-null {@code transcript} is what the transcription finds (else it fails). */
    public CallDriver record(int seconds, String transcript) {
        expect(State.RECORDING);
        String finishOnKey = waitingOn.attribute("finishOnKey", "1234567890*#");
        if (finishOnKey.isEmpty()) {
            throw new IllegalStateException("this <Record> has no finishOnKey: use recordAndHangUp");
        }
        return finishRecording(seconds, transcript, finishOnKey.contains("#") ? "#" : finishOnKey.substring(0, 1));
    }

    /** Leaves a message and hangs up instead of pressing a key: the action gets {@code Digits=hangup}. */
    public CallDriver recordAndHangUp(int seconds, String transcript) {
        return finishRecording(seconds, transcript, "hangup");
    }

    /** The caller hangs up. In a queue the Enqueue action learns {@code QueueResult=hangup}. */
    public CallDriver hangUp() {
        if (state == State.NOT_STARTED || state == State.ENDED) {
            throw new IllegalStateException("the call is " + state);
        }
        if (state == State.QUEUED && waitingOn.attribute("action") != null) {
            webhooks.request(resolve(waitingOn.attribute("action")), waitingOn.attribute("method", "POST"),
                    queueParams("hangup"), "completed");
        }
        end();
        return this;
    }

    // --- the other side ---

    /** The queue is left with this {@code QueueResult} (bridged, leave, queue-full, ...): the Enqueue action runs. */
    public CallDriver queueResult(String result) {
        expect(State.QUEUED);
        return afterWaitingVerb(queueParams(result));
    }

    /** The dialled party's outcome (completed, busy, no-answer, failed, canceled) after {@code durationSeconds}. */
    public CallDriver dialResult(String status, int durationSeconds) {
        expect(State.DIALING);
        Map<String, String> result = Map.of("DialCallStatus", status, "DialCallSid", Sids.next("CA"),
                "DialCallDuration", String.valueOf(durationSeconds));
        return afterWaitingVerb(result);
    }

    /** As {@link #dialResult(String, int)}; a completed or answered leg lasted 30 s, any other 0 s. */
    public CallDriver dialResult(String status) {
        return dialResult(status, "completed".equals(status) || "answered".equals(status) ? 30 : 0);
    }

    // --- what happened ---

    public State state() {
        return state;
    }

    public String callSid() {
        return callSid;
    }

    public List<Said> said() {
        return List.copyOf(said);
    }

    /** Absolute URLs of every {@code <Play>}. */
    public List<String> played() {
        return List.copyOf(played);
    }

    /** Every {@code <Dial>} target: a number, {@code client:<identity>}, {@code sip:...} or {@code queue:<name>}. */
    public List<String> dialed() {
        return List.copyOf(dialed);
    }

    /** Every TwiML request made for this call, in order, with its answer. */
    public List<Delivery> requests() {
        return webhooks.requests();
    }

    /** Problems Twilio would log in its debugger for this call (failed requests, unsupported verbs). */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    // --- running TwiML ---

    private void run(String url, Delivery answer) {
        if (!answer.accepted()) {
            applicationError(answer.twimlError());
            return;
        }
        Document document;
        try {
            document = Twiml.parse(answer.body().getBytes(StandardCharsets.UTF_8));
        } catch (SAXException | IOException e) {
            applicationError("12100 Document parse failure: " + e.getMessage());
            return;
        }
        if (++documentsWithoutInput > MAX_DOCUMENTS_WITHOUT_INPUT) {
            applicationError("too many TwiML documents without caller input: a Redirect loop?");
            return;
        }
        documentUrl = url;
        pending.clear();
        pending.addAll(new Verb(document.getDocumentElement()).children());
        continueDocument();
    }

    private void continueDocument() {
        waitingOn = null;
        while (!pending.isEmpty()) {
            Verb verb = pending.poll();
            switch (verb.name()) {
                case "Say" -> said.add(new Said(verb.text(), verb.attribute("language", "en-US")));
                case "Play" -> played.add(resolve(verb.text()));
                case "Pause" -> { }
                case "Redirect" -> {
                    String url = resolve(verb.text());
                    run(url, webhooks.request(url, verb.attribute("method", "POST"), Map.of(), "in-progress"));
                    return;
                }
                case "Gather" -> {
                    verb.children().forEach(this::hear);
                    waitFor(State.GATHERING, verb);
                    return;
                }
                case "Record" -> {
                    waitFor(State.RECORDING, verb);
                    return;
                }
                case "Dial" -> {
                    dial(verb);
                    waitFor(State.DIALING, verb);
                    return;
                }
                case "Enqueue" -> {
                    enqueue(verb);
                    return;
                }
                case "Hangup" -> {
                    end();
                    return;
                }
                default -> errors.add("unsupported verb <" + verb.name() + "> skipped");
            }
        }
        end();
    }

    private void hear(Verb verb) {
        if (verb.name().equals("Say")) {
            said.add(new Said(verb.text(), verb.attribute("language", "en-US")));
        } else if (verb.name().equals("Play")) {
            played.add(resolve(verb.text()));
        }
    }

    private void waitFor(State waiting, Verb verb) {
        state = waiting;
        waitingOn = verb;
    }

    private void dial(Verb verb) {
        List<Verb> nouns = verb.children();
        if (nouns.isEmpty()) {
            dialed.add(verb.text());
        }
        for (Verb noun : nouns) {
            switch (noun.name()) {
                case "Client" -> dialed.add("client:" + noun.text());
                case "Queue" -> dialed.add("queue:" + noun.text());
                default -> dialed.add(noun.text());
            }
        }
    }

    private void enqueue(Verb verb) {
        waitFor(State.QUEUED, verb);
        queueSid = Sids.next("QU");
        enqueuedAt = standIn.now();
        String waitUrl = verb.attribute("waitUrl");
        if (waitUrl == null) {
            return;
        }
        Map<String, String> position = Map.of("QueuePosition", "1", "QueueSid", queueSid, "QueueTime", "0",
                "AvgQueueTime", "0", "CurrentQueueSize", "1", "MaxQueueSize", "100");
        Delivery hold = webhooks.request(resolve(waitUrl), verb.attribute("waitUrlMethod", "POST"), position, "in-progress");
        if (!hold.accepted()) {
            errors.add(hold.twimlError());
            return;
        }
        try {
            Document document = Twiml.parse(hold.body().getBytes(StandardCharsets.UTF_8));
            List<Verb> holdVerbs = new Verb(document.getDocumentElement()).children();
            holdVerbs.forEach(this::hear);
            if (holdVerbs.stream().anyMatch(holdVerb -> holdVerb.name().equals("Leave"))) {
                queueResult("leave");
            }
        } catch (SAXException | IOException e) {
            errors.add("12100 Document parse failure: " + e.getMessage());
        }
    }

    private Map<String, String> queueParams(String result) {
        long queueTime = Duration.between(enqueuedAt, standIn.now()).toSeconds();
        return Map.of("QueueResult", result, "QueueSid", queueSid, "QueueTime", String.valueOf(queueTime));
    }

    private CallDriver gatherResult(Map<String, String> result) {
        documentsWithoutInput = 0;
        String action = waitingOn.attribute("action");
        // Without an action Twilio requests the current document again.
        String url = action == null ? documentUrl : resolve(action);
        run(url, webhooks.request(url, waitingOn.attribute("method", "POST"), result, "in-progress"));
        return this;
    }

    /** After {@code <Dial>} or {@code <Enqueue>}: the action's TwiML if there is an action, else the next verb. */
    private CallDriver afterWaitingVerb(Map<String, String> result) {
        documentsWithoutInput = 0;
        String action = waitingOn.attribute("action");
        if (action == null) {
            continueDocument();
        } else {
            String url = resolve(action);
            run(url, webhooks.request(url, waitingOn.attribute("method", "POST"), result, "in-progress"));
        }
        return this;
    }

    private CallDriver finishRecording(int seconds, String transcript, String endedBy) {
        expect(State.RECORDING);
        if (seconds < 1) {
            throw new IllegalArgumentException("a recording lasts at least one second");
        }
        documentsWithoutInput = 0;
        Verb recordVerb = waitingOn;
        String recordingSid = Sids.next("RE");
        String recordingUrl = standIn.hostRecording(recordingSid, seconds);
        Map<String, String> result = Map.of("RecordingUrl", recordingUrl, "RecordingDuration", String.valueOf(seconds),
                "Digits", endedBy);
        String action = recordVerb.attribute("action");
        String url = action == null ? documentUrl : resolve(action);
        boolean hungUp = endedBy.equals("hangup");
        Delivery answer = webhooks.request(url, recordVerb.attribute("method", "POST"), result, hungUp ? "completed" : "in-progress");
        sendRecordingCallbacksLater(recordVerb, new RecordingCallbacks.Recording(recordingSid, recordingUrl, seconds,
                standIn.now(), transcript));
        if (hungUp) {
            end();
        } else {
            run(url, answer);
        }
        return this;
    }

    private void sendRecordingCallbacksLater(Verb recordVerb, RecordingCallbacks.Recording recording) {
        String statusUrl = recordVerb.attribute("recordingStatusCallback");
        boolean completedEvent = recordVerb.attribute("recordingStatusCallbackEvent", "completed").contains("completed");
        String transcribeUrl = recordVerb.attribute("transcribeCallback");
        webhooks.recordingCallbacksLater(recording, statusUrl != null && completedEvent ? resolve(statusUrl) : null,
                transcribeUrl != null ? resolve(transcribeUrl) : null);
    }

    private void applicationError(String problem) {
        errors.add(problem);
        said.add(new Said(APPLICATION_ERROR, "en-US"));
        end();
    }

    private void end() {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        waitingOn = null;
        pending.clear();
        if (statusCallbackUrl != null) {
            webhooks.completed(statusCallbackUrl, answeredAt, standIn.now());
        }
    }

    /** Relative URLs in TwiML are resolved against the URL of the document that holds them. */
    private String resolve(String url) {
        return documentUrl == null ? url : URI.create(documentUrl).resolve(url.trim()).toString();
    }

    private void expect(State expected) {
        if (state != expected) {
            throw new IllegalStateException("the call is " + state + ", not " + expected);
        }
    }
}
