package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.twilio.standin.CallbackMode;
import org.seamline.twilio.standin.CreatedMessage;
import org.seamline.twilio.standin.Delivery;
import org.seamline.twilio.standin.Signing;
import org.seamline.twilio.standin.TwilioStandIn;

/**
 * The SMS channel through the running platform against the local Twilio stand-in: signed webhooks in (once, however
 * often delivered), replies out through the REST API with status callbacks merged, STOP and Twilio's error codes as
 * consent and reachability, 429 and 5xx handled by the outbox without sending twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsChannelIT {

    private static final String ACCOUNT = "AC" + "5e".repeat(16);
    private static final String NUMBER = "+15005550006";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    TwilioStandIn twilio;
    String inbound;

    @BeforeAll
    void start() throws Exception {
        twilio = TwilioStandIn.start(ACCOUNT, "sms-auth-token");
        seamline = SeamlineProcess.unstarted(dir, Map.of());
        // Short retries, so a rate limit and a 5xx are retried within the test.
        Files.writeString(seamline.home.resolve("etc/org.seamline.context.cfg"), "outboxFirstRetryMillis=200\n",
                StandardOpenOption.APPEND);
        seamline.launch();
        TwilioChannels.configure(seamline, "sms", "main", twilio, NUMBER, "sendTimeoutMillis=3000");
        seamline.awaitInstanceUp("main");
        inbound = TwilioChannels.hook(seamline, "sms", "main", "inbound");
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        twilio.close();
    }

    private Map<String, String> sms(String from, String body) {
        return twilio.smsParams(from, NUMBER, body);
    }

    private List<JsonNode> interactionsFrom(String number) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode item : seamline.getJson("/api/v1/interactions?channel=sms&limit=500").get("items")) {
            if (item.at("/from/identifiers/0/value").asText().equals(number)) {
                found.add(item);
            }
        }
        return found;
    }

    private String conversationOf(String number) {
        String identifier = URLEncoder.encode("phone:" + number, StandardCharsets.UTF_8);
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/customers?identifier=" + identifier).get("items").size() == 1);
        String customer = seamline.getJson("/api/v1/customers?identifier=" + identifier).at("/items/0/id").asText();
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/conversations?customerId=" + customer).get("items").size() == 1);
        return seamline.getJson("/api/v1/conversations?customerId=" + customer).at("/items/0/id").asText();
    }

    private HttpResponse<String> reply(String conversation, String text, String purpose) {
        return seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"" + text + "\"" + (purpose == null ? "" : ",\"purpose\":\"" + purpose + "\"") + "}");
    }

    private boolean timelineHas(String conversation, String kind) {
        for (JsonNode entry : seamline.getJson("/api/v1/conversations/" + conversation + "/messages").get("items")) {
            if (entry.get("kind").asText().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSignedSmsDeliveredSeveralTimesAtOnceIsStoredOnce() {
        Map<String, String> params = sms("+14155550101", "Is my parcel on its way?");
        String sid = params.get("MessageSid");
        List<CompletableFuture<Delivery>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(CompletableFuture.supplyAsync(() -> twilio.post(inbound, params, Signing.VALID)));
        }
        for (CompletableFuture<Delivery> delivery : deliveries) {
            Delivery answer = delivery.join();
            assertEquals(200, answer.status());
            assertTrue(answer.accepted(), "valid TwiML every time: " + answer.twimlError());
        }
        List<JsonNode> stored = interactionsFrom("+14155550101");
        assertEquals(1, stored.size(), "stored once");
        assertEquals(sid, stored.get(0).get("providerMessageId").asText());
        assertEquals("Is my parcel on its way?", stored.get(0).get("text").asText());
    }

    @Test
    void aWronglySignedOrUnsignedSmsIsRefusedAndStoredNowhere() {
        Delivery forged = twilio.post(inbound, sms("+14155550102", "forged"), Signing.INVALID);
        Delivery unsigned = twilio.post(inbound, sms("+14155550102", "unsigned"), Signing.NONE);

        assertEquals(403, forged.status());
        assertEquals(403, unsigned.status());
        assertEquals(0, interactionsFrom("+14155550102").size());
        assertEquals(0, seamline.getJson("/api/v1/customers?identifier=phone%3A%2B14155550102").get("items").size(),
                "no customer was created either");
    }

    @Test
    void mmsFilesAreFetchedWithTheAccountsCredentialsAndStoredWithTheMessage() {
        byte[] picture = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        String url = twilio.hostMedia(picture, "image/png");

        Delivery answer = twilio.inboundSms(inbound, "+14155550103", NUMBER, "Here is the photo", url);

        assertEquals(200, answer.status());
        JsonNode stored = interactionsFrom("+14155550103").get(0);
        JsonNode file = stored.at("/attachments/0");
        assertEquals("image/png", file.get("contentType").asText());
        assertTrue(file.get("url").asText().startsWith("seamline:attachment:"), "our copy, not Twilio's URL");
        String id = file.get("url").asText().substring("seamline:attachment:".length());
        HttpResponse<byte[]> download = seamline.getBytes("/api/v1/attachments/" + id);
        assertEquals(200, download.statusCode());
        assertArrayEquals(picture, download.body());
    }

    @Test
    void aReplyGoesOutThroughTwilioAndItsStatusCallbacksReachTheTimelineInAnyOrder() {
        twilio.callbackMode(CallbackMode.SHUFFLED);
        try {
            twilio.post(inbound, sms("+14155550104", "Hello?"), Signing.VALID);
            String conversation = conversationOf("+14155550104");

            assertEquals(202, reply(conversation, "Hello, how can we help?", null).statusCode());

            CreatedMessage sent = twilio.awaitMessage(m -> "+14155550104".equals(m.to()), WITHIN);
            assertEquals(NUMBER, sent.from());
            assertEquals("Hello, how can we help?", sent.body());
            assertTrue(sent.statusCallback().startsWith("http://127.0.0.1:" + seamline.port + "/hooks/sms/main/status?m="));
            await().atMost(WITHIN).until(() -> timelineHas(conversation, "status:DELIVERED"));
        } finally {
            twilio.callbackMode(CallbackMode.IN_ORDER);
        }
    }

    @Test
    void stopBlocksMarketingAndServiceUntilStart() {
        twilio.post(inbound, sms("+14155550105", "I'd like offers"), Signing.VALID);
        String conversation = conversationOf("+14155550105");
        String customer = seamline.getJson("/api/v1/conversations/" + conversation).get("customerId").asText();
        assertEquals(200, seamline.asAdmin("POST", "/api/v1/customers/" + customer + "/consents",
                "{\"channel\":\"sms\",\"purpose\":\"marketing\",\"granted\":true}").statusCode());
        assertEquals(202, reply(conversation, "Our spring offers", "marketing").statusCode());

        twilio.post(inbound, sms("+14155550105", " Stop "), Signing.VALID);

        await().atMost(WITHIN).until(() -> reply(conversation, "More offers", "marketing").statusCode() == 403);
        HttpResponse<String> service = reply(conversation, "About your order", null);
        assertEquals(403, service.statusCode(), service.body());
        JsonNode consents = seamline.getJson("/api/v1/customers/" + customer).get("consents");
        assertTrue(consents.toString().contains("SMS STOP"), "the evidence names the STOP: " + consents);

        twilio.post(inbound, sms("+14155550105", "START"), Signing.VALID);
        await().atMost(WITHIN).until(() -> reply(conversation, "Welcome back", null).statusCode() == 202);
        assertEquals(403, reply(conversation, "Offers again", "marketing").statusCode(), "marketing needs its own opt-in");
    }

    @Test
    void error21610OnSendMarksTheNumberOptedOutAndDeadLettersTheReply() {
        String optedOut = "+15005550004"; // the stand-in answers 21610 for it, as Twilio's test credentials do
        twilio.post(inbound, sms(optedOut, "hi"), Signing.VALID);
        String conversation = conversationOf(optedOut);

        assertEquals(202, reply(conversation, "Hello", null).statusCode());

        await().atMost(WITHIN).until(() -> timelineHas(conversation, "status:FAILED"));
        await().atMost(WITHIN).until(() -> reply(conversation, "Hello again", null).statusCode() == 403);
        assertTrue(seamline.get("/api/v1/dead-letters?limit=500", true).body().contains("21610"));
    }

    @Test
    void aRateLimitAndAFiveHundredAfterAcceptingAreRetriedWithoutSendingTwice() {
        twilio.post(inbound, sms("+14155550106", "hi"), Signing.VALID);
        String conversation = conversationOf("+14155550106");
        twilio.failNextCreates(1, 429, 20429, "Too Many Requests", 1);
        twilio.acceptThenFailNextCreates(1, 500);

        assertEquals(202, reply(conversation, "Exactly once", null).statusCode());

        await().atMost(WITHIN).until(() -> timelineHas(conversation, "status:DELIVERED"));
        long copies = twilio.messages().stream().filter(m -> "+14155550106".equals(m.to())).count();
        assertEquals(1, copies, "the retry after the accepted 500 carried the same idempotency token");
        assertFalse(timelineHas(conversation, "status:FAILED"));
    }
}
