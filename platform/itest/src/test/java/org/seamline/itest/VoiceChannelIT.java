package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.twilio.standin.CallDriver;
import org.seamline.twilio.standin.Delivery;
import org.seamline.twilio.standin.Signing;
import org.seamline.twilio.standin.TwilioStandIn;

/**
 * Calls to the Voice channel through the running platform, played by the Twilio stand-in's call driver: the built-in
 * IVR on instance {@code hotline}, and an IVR file that dials an agent's number on instance {@code desk}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceChannelIT {

    private static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
    private static final String TOKEN = "voice-it-token";
    private static final String NUMBER = "+74951234567";
    private static final String AGENT_PHONE = "+74957654321";
    private static final String SHOP_SECRET = "shop-secret-voice";

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    TwilioStandIn twilio;

    @BeforeAll
    void start() throws Exception {
        twilio = TwilioStandIn.start(ACCOUNT, TOKEN);
        seamline = SeamlineProcess.start(dir, environment());
        Files.writeString(seamline.home.resolve("etc/ivr-desk.json"), DESK_IVR);
        configure("hotline", "");
        configure("desk", "ivrFile=ivr-desk.json");
        new ApiChannelClient(seamline, "shop").configure("secret=" + SHOP_SECRET);
        for (String instance : List.of("hotline", "desk", "shop")) {
            awaitServing(instance);
        }
    }

    /** The platform's environment: the embedded store; {@link VoiceChannelPostgresIT} adds a PostgreSQL database. */
    Map<String, String> environment() throws Exception {
        return Map.of("TWILIO_TOKEN", TOKEN);
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        twilio.close();
    }

    private void configure(String instance, String extra) throws Exception {
        // The token from the environment, as an operator keeps it out of the file.
        TwilioChannels.configure(seamline, "voice", instance, twilio, NUMBER, "authToken=$[env:TWILIO_TOKEN]", extra);
    }

    private void awaitServing(String instance) {
        seamline.awaitInstanceUp(instance);
    }

    private String hook(String instance, String endpoint) {
        return TwilioChannels.hook(seamline, "voice", instance, endpoint);
    }

    private CallDriver call(String instance, String from) {
        return twilio.call(hook(instance, "incoming"), hook(instance, "status"), from, NUMBER).start();
    }

    /** The stored interaction of a call, once it is there. */
    private JsonNode interaction(String callSid) {
        for (JsonNode item : seamline.getJson("/api/v1/interactions?channel=voice&limit=500").get("items")) {
            if (item.get("providerMessageId").asText().equals(callSid)) {
                return item;
            }
        }
        return null;
    }

    /** The call's events once one of them has this key. */
    private JsonNode awaitEvent(String callSid, String key) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> event(callSid, key) != null);
        return interaction(callSid).get("events");
    }

    private JsonNode event(String callSid, String key) {
        JsonNode call = interaction(callSid);
        if (call == null) {
            return null;
        }
        for (JsonNode event : call.get("events")) {
            if (event.get("key").asText().equals(key)) {
                return event;
            }
        }
        return null;
    }

    /** The call's first event of this kind, or null. */
    private JsonNode ofKind(String callSid, String kind) {
        JsonNode call = interaction(callSid);
        if (call != null) {
            for (JsonNode event : call.get("events")) {
                if (event.get("kind").asText().equals(kind)) {
                    return event;
                }
            }
        }
        return null;
    }

    private static List<String> texts(CallDriver call) {
        return call.said().stream().map(CallDriver.Said::text).toList();
    }

    private static List<String> values(JsonNode events, String field) {
        List<String> values = new ArrayList<>();
        events.forEach(e -> values.add(e.at(field).asText()));
        return values;
    }

    @Test
    void aCallerPressesThroughToSelfServiceAnswers() {
        CallDriver call = call("hotline", "+79161110001");
        assertEquals("Thank you for calling. Calls may be recorded.", texts(call).get(0), String.valueOf(call.errors()));
        assertEquals(CallDriver.State.GATHERING, call.state());

        call.press("1");
        assertTrue(texts(call).contains("We are open Monday to Friday, from 9 in the morning to 6 in the evening."));
        assertEquals(CallDriver.State.GATHERING, call.state(), "an answer that returns to the menu");
        call.press("2");
        assertEquals(CallDriver.State.ENDED, call.state(), "the order answer ends the call");

        JsonNode events = awaitEvent(call.callSid(), "status:0");
        assertEquals(List.of("ivr:1", "ivr:2", "outcome", "status:0"), values(events, "/key"));
        assertEquals(List.of("hours", "order"), List.of(events.at("/0/details/outcome").asText(),
                events.at("/1/details/outcome").asText()));
        assertEquals("1", events.at("/0/details/digits").asText());
        assertEquals("self_service_resolved", events.at("/2/details/disposition").asText());
        assertEquals("completed", events.at("/3/details/callStatus").asText());
        JsonNode stored = interaction(call.callSid());
        assertEquals("Incoming call", stored.get("text").asText());
        assertEquals("call", stored.at("/metadata/kind").asText());
        assertEquals("+79161110001", stored.at("/from/identifiers/0/value").asText());
    }

    @Test
    void speechBelowTheConfidenceThresholdIsAskedAgainAndRussianIsUnderstood() {
        CallDriver call = call("hotline", "+79161110002");
        call.speak("agent", 0.3);
        assertTrue(texts(call).contains("Sorry, I didn't get that."));
        assertEquals(CallDriver.State.GATHERING, call.state());

        call.press("9");
        call.speak("Какие у вас часы работы?", 0.92);
        assertTrue(texts(call).contains("Мы работаем с понедельника по пятницу, с 9 утра до 6 вечера."));
        assertEquals("ru-RU", call.said().get(call.said().size() - 1).language());
        call.hangUp();

        JsonNode events = awaitEvent(call.callSid(), "outcome");
        assertEquals("low-confidence", events.at("/0/details/outcome").asText());
        assertEquals("0.3", events.at("/0/details/confidence").asText());
        assertEquals("agent", events.at("/0/details/speech").asText());
        assertEquals("russian", events.at("/1/details/outcome").asText());
        assertEquals("hours", events.at("/2/details/outcome").asText());
        assertEquals("ru-RU", events.at("/2/details/language").asText());
        assertEquals("abandoned_in_ivr", event(call.callSid(), "outcome").at("/details/disposition").asText(),
                "hanging up in the menu");
    }

    @Test
    void noInputThreeTimesQueuesForAnAgentWithThePositionSaid() {
        CallDriver call = call("hotline", "+79161110003");
        call.silence();
        call.silence();
        assertEquals(CallDriver.State.GATHERING, call.state(), "two attempts are not the last");
        call.silence();

        assertEquals(CallDriver.State.QUEUED, call.state());
        assertTrue(texts(call).contains("Connecting you to an agent."));
        assertTrue(texts(call).contains("You are number 1 in line."), String.valueOf(texts(call)));
        call.queueResult("bridged");
        assertEquals(CallDriver.State.ENDED, call.state());

        JsonNode events = awaitEvent(call.callSid(), "status:0");
        assertEquals(List.of("ivr:1", "ivr:2", "ivr:3", "queue", "outcome", "status:0"), values(events, "/key"));
        assertEquals(List.of("no-input", "no-input", "no-input"), values(events, "/details/outcome").subList(0, 3));
        assertEquals("agent", events.at("/2/details/next").asText());
        assertEquals("bridged", events.at("/3/details/queueResult").asText());
        assertEquals("agent_handled", events.at("/4/details/disposition").asText());
    }

    @Test
    void anAgentWhoDoesNotAnswerSendsTheCallerToVoicemailWhoseRecordingAndTranscriptLandOnTheCall() {
        CallDriver call = call("desk", "+79161110004");
        call.press("0");
        assertEquals(CallDriver.State.DIALING, call.state());
        assertEquals(List.of(AGENT_PHONE), call.dialed());

        call.dialResult("no-answer");
        assertEquals(CallDriver.State.RECORDING, call.state());
        assertTrue(texts(call).contains("Please leave a message after the tone."));
        call.record(6, "Please call me back about order 4711");
        assertTrue(texts(call).contains("Thank you. Goodbye."));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> ofKind(call.callSid(), "recording") != null && ofKind(call.callSid(), "transcription") != null);
        JsonNode recording = ofKind(call.callSid(), "recording");
        JsonNode transcription = ofKind(call.callSid(), "transcription");
        assertEquals("no-answer", event(call.callSid(), "dial").at("/details/dialCallStatus").asText());
        assertEquals("voicemail", event(call.callSid(), "outcome").at("/details/disposition").asText());
        assertEquals("6", recording.at("/details/duration").asText());
        String url = recording.at("/attachments/0/url").asText();
        assertTrue(url.startsWith("seamline:attachment:"), url);
        var file = seamline.get("/api/v1/attachments/" + url.substring("seamline:attachment:".length()), true);
        assertEquals(200, file.statusCode(), "the recording is kept by the platform");
        assertEquals("Please call me back about order 4711", transcription.at("/details/text").asText());
        assertEquals(recording.at("/details/recordingSid").asText(), transcription.at("/details/recordingSid").asText());
    }

    @Test
    void aWronglySignedWebhookIsRefusedAndNothingIsStored() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA" + "f".repeat(32));
        params.put("AccountSid", ACCOUNT);
        params.put("From", "+79161110005");
        params.put("To", NUMBER);
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");

        Delivery forged = twilio.post(hook("hotline", "incoming"), params, Signing.INVALID);
        Delivery unsigned = twilio.post(hook("hotline", "status"), params, Signing.NONE);

        assertEquals(403, forged.status());
        assertEquals(403, unsigned.status());
        assertEquals(null, interaction("CA" + "f".repeat(32)));
        assertTrue(seamline.getJson("/api/v1/customers?identifier=" + URLEncoder.encode("phone:+79161110005",
                StandardCharsets.UTF_8)).get("items").isEmpty());
    }

    @Test
    void aCallerKnownFromEmailIsRecognisedAndTheirOpenConversationContinued() {
        new ApiChannelClient(seamline, "shop").post("{\"id\":\"voice-it-1\",\"from\":{\"email\":\"vera@example.com\","
                + "\"phone\":\"+7 916 111-00-06\",\"name\":\"Vera\"},\"text\":\"Where is my parcel?\"}", SHOP_SECRET);
        String byEmail = "/api/v1/customers?identifier=" + URLEncoder.encode("email:vera@example.com", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(10)).until(() -> !seamline.getJson(byEmail).get("items").isEmpty());
        String vera = seamline.getJson(byEmail).at("/items/0/id").asText();

        CallDriver call = call("hotline", "+79161110006");
        call.hangUp();

        String timeline = "/api/v1/customers/" + vera + "/timeline?limit=100";
        await().atMost(Duration.ofSeconds(10)).until(() -> entry(timeline, call.callSid()) != null);
        JsonNode entries = seamline.getJson(timeline).get("items");
        JsonNode email = entries.get(0);
        JsonNode callEntry = entry(timeline, call.callSid());
        assertEquals("call", callEntry.get("kind").asText());
        assertEquals("voice", callEntry.get("channel").asText());
        assertEquals(email.get("conversationId").asText(), callEntry.get("conversationId").asText(),
                "the call continues her open conversation");
        await().atMost(Duration.ofSeconds(10)).until(() -> entry(timeline, call.callSid()).get("events").size() == 2);
        assertEquals(List.of("status:0", "outcome"), values(entry(timeline, call.callSid()).get("events"), "/key"),
                "the call's events are on its timeline entry");
    }

    @Test
    void whenTheVoiceUrlFailsTheFallbackApologisesAndTakesAMessage() {
        CallDriver call = twilio.call(hook("nowhere", "incoming"), null, "+79161110007", NUMBER)
                .withFallback(hook("hotline", "fallback")).start();
        assertEquals(CallDriver.State.RECORDING, call.state());
        assertTrue(texts(call).get(0).startsWith("We are sorry, we cannot take your call right now."));
        call.record(3, null);
        assertTrue(texts(call).contains("Thank you. Goodbye."));
        JsonNode events = awaitEvent(call.callSid(), "outcome");
        assertEquals("voicemail", events.at("/0/kind").asText(), "the voicemail brought the call in");
    }

    @Test
    void anInstanceWithABrokenIvrFileRefusesToStartAndSaysWhy() throws Exception {
        Files.writeString(seamline.home.resolve("etc/ivr-broken.json"), DESK_IVR.replace("\"digits\": \"0\"", "\"digits\": \"00\""));
        configure("broken", "ivrFile=ivr-broken.json");

        await().atMost(Duration.ofSeconds(10)).until(() -> seamline.log().contains("Voice channel broken not started"));
        assertTrue(seamline.log().contains("ivr-broken.json: option agent: digits must be one key, 0-9 or *"),
                "the log line names the file and the field");
        assertEquals(404, twilio.call(hook("broken", "incoming"), null, "+79161110008", NUMBER).start().requests().get(0).status(),
                "nothing answers for it");
    }

    private JsonNode entry(String timeline, String callSid) {
        for (JsonNode entry : seamline.getJson(timeline).get("items")) {
            if (callSid.equals(entry.path("providerMessageId").asText())) {
                return entry;
            }
        }
        return null;
    }

    /** The desk's IVR: English only, every agent call dialled to a phone, short voicemail. */
    private static final String DESK_IVR = """
            {
              "defaultLanguage": "en-US",
              "agent": {"target": "number", "number": "%s", "dialTimeoutSeconds": 15},
              "voicemail": {"maxLengthSeconds": 60},
              "options": [{"id": "agent", "digits": "0", "action": "agent"}],
              "languages": {"en-US": {
                "prompts": {
                  "greeting": "Desk.", "menu": "Press 0 for an agent.", "notUnderstood": "Sorry.",
                  "connecting": "Connecting.", "queuePosition": "Number {position}.", "hold": "Please hold.",
                  "voicemail": "Please leave a message after the tone.", "goodbye": "Thank you. Goodbye.",
                  "apology": "Sorry, we cannot answer."
                },
                "options": {"agent": {"words": ["agent"]}}
              }}
            }
            """.formatted(AGENT_PHONE);
}
