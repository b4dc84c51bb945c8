package org.seamline.twilio.standin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seamline.twilio.standin.WebhookReceiver.Answer;
import org.seamline.twilio.standin.WebhookReceiver.Received;

/** The call driver against a small IVR in the shape of §F.1, served by a real HTTP server. */
class CallDriverTest {

    private static final String TOKEN = RestApiTest.TOKEN;
    private static final String CALLER = "+14155550100";
    private static final String NUMBER = "+14155550199";
    private static final String VOICEMAIL = "<Response><Say>Please leave a message after the tone.</Say>"
            + "<Record action=\"/voice/voicemail-done\" maxLength=\"120\" finishOnKey=\"#\" transcribe=\"true\""
            + " transcribeCallback=\"transcription\" recordingStatusCallback=\"/voice/recording-status\"/>"
            + "<Say>never reached</Say></Response>";

    private final TwilioStandIn twilio = TwilioStandIn.start(RestApiTest.ACCOUNT, TOKEN);
    private final WebhookReceiver ivr = new WebhookReceiver();

    CallDriverTest() throws IOException {
        ivr.on("/voice/incoming", request -> Answer.twiml("<Response><Say language=\"en-GB\">Welcome to Acme.</Say>"
                        + "<Redirect method=\"POST\">/voice/menu?attempt=1</Redirect></Response>"))
                .on("/voice/menu", request -> Answer.twiml("<Response><Gather input=\"dtmf speech\" action=\"route?attempt="
                        + attempt(request) + "\" numDigits=\"1\" actionOnEmptyResult=\"true\"><Say>For billing press 1."
                        + "</Say></Gather></Response>"))
                .on("/voice/route", this::route)
                .on("/voice/hold", request -> Answer.twiml("<Response><Say>You are number " + request.param("QueuePosition")
                        + " in line.</Say><Play>music/hold.mp3</Play></Response>"))
                .on("/voice/queue-result", request -> Answer.twiml(
                        "leave".equals(request.param("QueueResult")) ? VOICEMAIL : "<Response><Hangup/></Response>"))
                .on("/voice/dial-result", request -> Answer.twiml(
                        "completed".equals(request.param("DialCallStatus")) ? "<Response><Hangup/></Response>" : VOICEMAIL))
                .on("/voice/voicemail-done", request -> Answer.twiml("<Response><Say>Thank you. Goodbye.</Say><Hangup/></Response>"))
                .on("/voice/simple-menu", request -> Answer.twiml("<Response><Gather action=\"/voice/route\"><Say>Press a key.</Say>"
                        + "</Gather><Say>We did not receive any input.</Say></Response>"))
                .on("/voice/get-first", request -> Answer.twiml("<Response><Redirect method=\"GET\">after-get?x=1</Redirect></Response>"))
                .on("/voice/after-get", request -> Answer.twiml("<Response><Say>Fetched by GET.</Say><Hangup/></Response>"))
                .on("/voice/broken", request -> new Answer(500, "text/plain", "database down"))
                .on("/voice/fallback", request -> Answer.twiml("<Response><Say>Sorry, please call again later.</Say><Hangup/></Response>"));
    }

    private static String attempt(Received request) {
        return request.url().replaceAll(".*attempt=(\\d+).*", "$1");
    }

    private Answer route(Received request) {
        String choice = request.param("Digits") != null ? request.param("Digits") : request.param("SpeechResult");
        if (choice == null) {
            int next = Integer.parseInt(attempt(request)) + 1;
            return Answer.twiml("<Response><Say>Sorry, I didn't get that.</Say><Redirect>/voice/menu?attempt=" + next
                    + "</Redirect></Response>");
        }
        return Answer.twiml(switch (choice) {
            case "1", "billing" -> "<Response><Say>Billing is closed today.</Say><Hangup/></Response>";
            case "0" -> "<Response><Say>Connecting you to an agent.</Say><Enqueue action=\"/voice/queue-result\""
                    + " waitUrl=\"/voice/hold\">support</Enqueue></Response>";
            case "2" -> "<Response><Dial action=\"/voice/dial-result\" timeout=\"20\"><Client>agent_42</Client></Dial></Response>";
            default -> VOICEMAIL;
        });
    }

    @AfterEach
    void stop() {
        twilio.close();
        ivr.close();
    }

    private CallDriver call() {
        return twilio.call(ivr.url("/voice/incoming"), ivr.url("/voice/status"), CALLER, NUMBER);
    }

    @Test
    void aKeyPressReachesTheGatherActionAndTheCallEndsWithAStatusCallback() {
        Instant ringing = Instant.parse("2025-05-06T09:00:00Z");
        twilio.clock(Clock.fixed(ringing, ZoneOffset.UTC));
        CallDriver call = call().start();

        assertEquals(CallDriver.State.GATHERING, call.state());
        assertEquals(List.of(new CallDriver.Said("Welcome to Acme.", "en-GB"), new CallDriver.Said("For billing press 1.", "en-US")),
                call.said());
        Received incoming = ivr.received("/voice/incoming").get(0);
        assertEquals("ringing", incoming.param("CallStatus"));
        assertEquals("inbound", incoming.param("Direction"));
        assertEquals(CALLER, incoming.param("Caller"));
        assertEquals(NUMBER, incoming.param("Called"));
        assertEquals(call.callSid(), incoming.param("CallSid"));

        twilio.clock(Clock.fixed(ringing.plusSeconds(42), ZoneOffset.UTC));
        call.press("17");

        Received route = ivr.received("/voice/route").get(0);
        assertEquals(ivr.url("/voice/route?attempt=1"), route.url(), "relative action resolved against /voice/menu");
        assertEquals("1", route.param("Digits"), "numDigits=1 keeps the first key only");
        assertEquals("in-progress", route.param("CallStatus"));
        assertEquals("Billing is closed today.", call.said().get(2).text());
        assertEquals(CallDriver.State.ENDED, call.state());
        Received status = ivr.received("/voice/status").get(0);
        assertEquals("completed", status.param("CallStatus"));
        assertEquals("42", status.param("CallDuration"));
        assertEquals("0", status.param("SequenceNumber"));
        assertEquals("Tue, 06 May 2025 09:00:42 +0000", status.param("Timestamp"));
        assertTrue(ivr.received().stream().allMatch(request -> request.validFor(TOKEN)), "every request is signed");
        assertTrue(call.errors().isEmpty(), String.valueOf(call.errors()));
    }

    @Test
    void silenceWithActionOnEmptyResultCallsTheActionWithoutDigits() {
        CallDriver call = call().start().silence();

        Received route = ivr.received("/voice/route").get(0);
        assertNull(route.param("Digits"));
        assertNull(route.param("SpeechResult"));
        assertEquals(CallDriver.State.GATHERING, call.state());
        assertEquals(ivr.url("/voice/menu?attempt=2"), ivr.received("/voice/menu").get(1).url());
        assertTrue(call.said().contains(new CallDriver.Said("Sorry, I didn't get that.", "en-US")));
    }

    @Test
    void silenceWithoutActionOnEmptyResultFallsThroughToTheNextVerb() {
        CallDriver call = twilio.call(ivr.url("/voice/simple-menu"), null, CALLER, NUMBER).start().silence();

        assertTrue(ivr.received("/voice/route").isEmpty());
        assertEquals("We did not receive any input.", call.said().get(1).text());
        assertEquals(CallDriver.State.ENDED, call.state(), "the document ran out");
    }

    @Test
    void speechCarriesTheResultAndConfidence() {
        CallDriver call = call().start().speak("billing", 0.87);

        Received route = ivr.received("/voice/route").get(0);
        assertEquals("billing", route.param("SpeechResult"));
        assertEquals("0.87", route.param("Confidence"));
        assertEquals(CallDriver.State.ENDED, call.state());
    }

    @Test
    void aVoicemailIsRecordedAndItsCallbacksFollow() throws Exception {
        CallDriver call = call().start().press("9");
        assertEquals(CallDriver.State.RECORDING, call.state());

        call.record(12, "Please call me back about invoice 7.");

        Received done = ivr.received("/voice/voicemail-done").get(0);
        assertEquals("12", done.param("RecordingDuration"));
        assertEquals("#", done.param("Digits"));
        assertEquals("Thank you. Goodbye.", call.said().get(call.said().size() - 1).text());
        assertFalse(call.said().contains(new CallDriver.Said("never reached", "en-US")));
        await().until(() -> ivr.received("/voice/recording-status").size() == 1 && ivr.received("/voice/transcription").size() == 1);
        Received recording = ivr.received("/voice/recording-status").get(0);
        assertEquals("completed", recording.param("RecordingStatus"));
        assertEquals(done.param("RecordingUrl"), recording.param("RecordingUrl"));
        assertTrue(recording.validFor(TOKEN));
        Received transcription = ivr.received("/voice/transcription").get(0);
        assertEquals("Please call me back about invoice 7.", transcription.param("TranscriptionText"));
        assertEquals("completed", transcription.param("TranscriptionStatus"));
        assertEquals(call.callSid(), transcription.param("CallSid"));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> wav = http.send(HttpRequest.newBuilder(URI.create(done.param("RecordingUrl") + ".wav"))
                .header("Authorization", RestApiTest.basic(RestApiTest.ACCOUNT, TOKEN)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, wav.statusCode());
        assertEquals("RIFF", new String(wav.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(done.param("RecordingUrl"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void hangingUpDuringARecordingTellsTheActionHangup() {
        CallDriver call = call().start().press("9").recordAndHangUp(5, null);

        assertEquals("hangup", ivr.received("/voice/voicemail-done").get(0).param("Digits"));
        assertEquals(CallDriver.State.ENDED, call.state());
        assertFalse(call.said().contains(new CallDriver.Said("Thank you. Goodbye.", "en-US")), "the action's TwiML is ignored");
        await().until(() -> ivr.received("/voice/transcription").size() == 1);
        assertEquals("failed", ivr.received("/voice/transcription").get(0).param("TranscriptionStatus"));
    }

    @Test
    void aQueuedCallerHearsTheWaitUrlAndLeavesForVoicemail() {
        Instant enqueued = Instant.parse("2025-05-06T09:00:00Z");
        twilio.clock(Clock.fixed(enqueued, ZoneOffset.UTC));
        CallDriver call = call().start().press("0");

        assertEquals(CallDriver.State.QUEUED, call.state());
        Received hold = ivr.received("/voice/hold").get(0);
        assertEquals("1", hold.param("QueuePosition"));
        assertTrue(hold.param("QueueSid").matches("QU[0-9a-f]{32}"));
        assertTrue(call.said().contains(new CallDriver.Said("You are number 1 in line.", "en-US")));
        assertEquals(List.of(ivr.url("/voice/music/hold.mp3")), call.played());

        twilio.clock(Clock.fixed(enqueued.plus(Duration.ofMinutes(3)), ZoneOffset.UTC));
        call.queueResult("leave");

        Received result = ivr.received("/voice/queue-result").get(0);
        assertEquals("leave", result.param("QueueResult"));
        assertEquals("180", result.param("QueueTime"));
        assertEquals(hold.param("QueueSid"), result.param("QueueSid"));
        assertEquals(CallDriver.State.RECORDING, call.state());
    }

    @Test
    void aBusyAgentLeadsToTheDialActionAndVoicemail() {
        CallDriver call = call().start().press("2");

        assertEquals(CallDriver.State.DIALING, call.state());
        assertEquals(List.of("client:agent_42"), call.dialed());

        call.dialResult("busy");

        Received result = ivr.received("/voice/dial-result").get(0);
        assertEquals("busy", result.param("DialCallStatus"));
        assertTrue(result.param("DialCallSid").matches("CA[0-9a-f]{32}"));
        assertEquals("0", result.param("DialCallDuration"));
        assertEquals(CallDriver.State.RECORDING, call.state());
    }

    @Test
    void aFailingVoiceUrlSendsTheCallToTheFallback() {
        CallDriver call = twilio.call(ivr.url("/voice/broken"), ivr.url("/voice/status"), CALLER, NUMBER)
                .withFallback(ivr.url("/voice/fallback")).start();

        Received fallback = ivr.received("/voice/fallback").get(0);
        assertEquals("11200", fallback.param("ErrorCode"));
        assertEquals(ivr.url("/voice/broken"), fallback.param("ErrorUrl"));
        assertEquals(List.of(new CallDriver.Said("Sorry, please call again later.", "en-US")), call.said());
        assertEquals(CallDriver.State.ENDED, call.state());
    }

    @Test
    void aFailingVoiceUrlWithoutFallbackPlaysTheApplicationError() {
        CallDriver call = twilio.call(ivr.url("/voice/broken"), null, CALLER, NUMBER).start();

        assertTrue(call.said().get(0).text().contains("application error"));
        assertTrue(call.errors().get(0).startsWith("11200"));
        assertEquals(CallDriver.State.ENDED, call.state());
    }

    @Test
    void aCallerHangingUpMidGatherSendsOnlyTheStatusCallback() {
        CallDriver call = call().start();

        call.hangUp();

        assertTrue(ivr.received("/voice/route").isEmpty());
        assertEquals("completed", ivr.received("/voice/status").get(0).param("CallStatus"));
        assertThrows(IllegalStateException.class, () -> call.press("1"));
    }

    @Test
    void aGetRedirectCarriesTheParametersInTheSignedQuery() {
        CallDriver call = twilio.call(ivr.url("/voice/get-first"), null, CALLER, NUMBER).start();

        Received get = ivr.received("/voice/after-get").get(0);
        assertEquals("GET", get.method());
        assertEquals("1", get.param("x"));
        assertEquals(call.callSid(), get.param("CallSid"));
        assertTrue(get.validFor(TOKEN), "signed over the full URL with its query and no body parameters");
        assertEquals("Fetched by GET.", call.said().get(0).text());
    }
}
