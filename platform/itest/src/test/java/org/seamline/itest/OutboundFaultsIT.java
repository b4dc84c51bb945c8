package org.seamline.itest;

import static org.awaitility.Awaitility.await;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.itest.FaultyProxy.Mode;
import org.seamline.twilio.standin.TwilioStandIn;

/**
 * Providers that reset connections or stall, seen through a fault-injecting TCP proxy in front of the mail server
 * and the Twilio stand-in: replies are retried with backoff and delivered once the provider is back, a reply that
 * never gets through becomes a dead letter that can be retried, a stalled provider delays no other channel, and
 * intake goes on all the while.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundFaultsIT {

    private static final String ACCOUNT = "AC" + "fa".repeat(16);
    private static final String API_SECRET = "faults-secret";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    MailServer mail;
    TwilioStandIn twilio;
    FaultyProxy smtp;
    FaultyProxy twilioApi;
    ApiChannelClient shop;
    int messages;

    @BeforeAll
    void start() throws Exception {
        mail = new MailServer();
        twilio = TwilioStandIn.start(ACCOUNT, "faults-token");
        smtp = new FaultyProxy(mail.smtpPort());
        twilioApi = new FaultyProxy(Integer.parseInt(twilio.apiBaseUrl().replaceAll(".*:", "")));
        seamline = SeamlineProcess.unstarted(dir, Map.of(MailServer.PASSWORD_VARIABLE, MailServer.PASSWORD));
        // Short retries: the eight attempts of a reply take seconds here, not minutes.
        Files.writeString(seamline.home.resolve("etc/org.seamline.context.cfg"), "outboxFirstRetryMillis=100\n",
                StandardOpenOption.APPEND);
        seamline.launch();
        mail.configure(seamline, "smtpPort=" + smtp.port());
        TwilioChannels.configure(seamline, "sms", "faults", twilio, "+15005550006",
                "apiBaseUrl=http://127.0.0.1:" + twilioApi.port(), "sendTimeoutMillis=1000");
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=" + API_SECRET);
        seamline.awaitInstanceUp("faults");
        seamline.awaitInstanceUp("shop");
        seamline.awaitInstanceUp("support");
    }

    @AfterEach
    void heal() {
        smtp.heal();
        twilioApi.heal();
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        smtp.close();
        twilioApi.close();
        twilio.close();
        mail.close();
    }

    private String conversationOf(String identifier) {
        String query = URLEncoder.encode(identifier, StandardCharsets.UTF_8);
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/customers?identifier=" + query).get("items").size() == 1);
        String customer = seamline.getJson("/api/v1/customers?identifier=" + query).at("/items/0/id").asText();
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/conversations?customerId=" + customer).get("items").size() == 1);
        return seamline.getJson("/api/v1/conversations?customerId=" + customer).at("/items/0/id").asText();
    }

    private String smsConversation(String number) {
        twilio.inboundSms(TwilioChannels.hook(seamline, "sms", "faults", "inbound"), number, "+15005550006", "Hello");
        return conversationOf("phone:" + number);
    }

    private String mailConversation(String address) {
        mail.deliver("From: " + address + "\nTo: " + MailServer.MAILBOX + "\nSubject: Order\nMessage-ID: <"
                + address.replace('@', '.') + "@example.org>\n\nWhere is it?");
        return conversationOf("email:" + address);
    }

    private String reply(String conversation, String text) {
        HttpResponse<String> queued = seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"" + text + "\"}");
        assertEquals(202, queued.statusCode(), queued.body());
        return seamline.readJson(queued.body()).get("messageId").asText();
    }

    private boolean timelineHas(String conversation, String kind) {
        for (JsonNode entry : seamline.getJson("/api/v1/conversations/" + conversation + "/messages").get("items")) {
            if (entry.get("kind").asText().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /** An API message posted while a provider is down: accepted at once, as always. */
    private void intakeStillAccepts() {
        String id = "during-fault-" + (++messages);
        HttpResponse<String> answer = shop.post(ApiChannelClient.message(id, "{\"userId\":\"" + id + "\"}"), API_SECRET);
        assertEquals(201, answer.statusCode(), answer.body());
    }

    private long smsTo(String number) {
        return twilio.messages().stream().filter(m -> number.equals(m.to())).count();
    }

    @Test
    void resetConnectionsAreRetriedWithBackoffAndTheRepliesDeliveredOnceTheProvidersAreBack() throws Exception {
        String byMail = mailConversation("reset@example.org");
        String bySms = smsConversation("+14155550201");
        smtp.mode(Mode.RESET);
        twilioApi.mode(Mode.RESET);

        reply(byMail, "Your parcel left today.");
        reply(bySms, "Your parcel left today.");
        await().atMost(WITHIN).until(() -> smtp.connections() >= 3 && twilioApi.connections() >= 3);
        intakeStillAccepts();
        assertFalse(timelineHas(byMail, "status:SENT") || timelineHas(bySms, "status:SENT"), "nothing got through");

        smtp.heal();
        twilioApi.heal();

        await().atMost(WITHIN).until(() -> mail.sentTo("reset@example.org").size() == 1 && smsTo("+14155550201") == 1);
        await().atMost(WITHIN).until(() -> timelineHas(byMail, "status:SENT") && timelineHas(bySms, "status:SENT"));
        assertFalse(timelineHas(byMail, "status:FAILED") || timelineHas(bySms, "status:FAILED"));
    }

    @Test
    void aStalledProviderTimesOutAndDelaysNoOtherChannel() throws Exception {
        String bySms = smsConversation("+14155550202");
        String byMail = mailConversation("stall@example.org");
        twilioApi.mode(Mode.STALL);

        reply(bySms, "Still looking into it.");
        await().atMost(WITHIN).until(() -> twilioApi.connections() >= 2); // the first attempt timed out and was retried
        reply(byMail, "Still looking into it.");

        await().atMost(WITHIN).until(() -> mail.sentTo("stall@example.org").size() == 1);
        intakeStillAccepts();
        assertEquals(0, smsTo("+14155550202"));

        twilioApi.heal();
        await().atMost(WITHIN).until(() -> smsTo("+14155550202") == 1);
        await().atMost(WITHIN).until(() -> timelineHas(bySms, "status:SENT"));
    }

    @Test
    void aReplyThatNeverGetsThroughBecomesADeadLetterThatCanBeRetriedOrDiscarded() throws Exception {
        String byMail = mailConversation("dead@example.org");
        String given = mailConversation("given-up@example.org");
        smtp.mode(Mode.RESET);

        String id = reply(byMail, "Can you hear us?");
        String unwanted = reply(given, "Sent by mistake");

        await().atMost(WITHIN).until(() -> timelineHas(byMail, "status:FAILED") && timelineHas(given, "status:FAILED"));
        assertEquals(200, seamline.asAdmin("POST", "/api/v1/dead-letters/replies/" + unwanted + "/discard", null).statusCode());
        assertEquals(404, seamline.asAdmin("POST", "/api/v1/dead-letters/replies/" + unwanted + "/retry", null).statusCode(),
                "a discarded reply can no longer be retried");
        assertEquals(404, seamline.asAdmin("POST", "/api/v1/dead-letters/replies/" + unwanted + "/discard", null).statusCode());
        assertTrue(timelineHas(given, "reply:discarded"), "the conversation says who gave up on it");
        assertTrue(seamline.get("/api/v1/audit?action=dead-letter.discard", true).body().contains("reply " + unwanted),
                "and so does the audit trail");
        JsonNode deadLetter = null;
        for (JsonNode failed : seamline.getJson("/api/v1/dead-letters?limit=500").get("replies")) {
            if (failed.get("messageId").asText().equals(id)) {
                deadLetter = failed;
            }
        }
        assertTrue(deadLetter != null, "listed as a dead letter");
        assertFalse(seamline.get("/api/v1/dead-letters?limit=500", true).body().contains(unwanted), "the discarded one is not");
        assertEquals(8, deadLetter.get("attempts").asInt(), "every attempt was made");
        intakeStillAccepts();

        smtp.heal();
        assertEquals(200, seamline.asAdmin("POST", "/api/v1/dead-letters/replies/" + id + "/retry", null).statusCode());

        await().atMost(WITHIN).until(() -> mail.sentTo("dead@example.org").size() == 1);
        assertEquals(0, mail.sentTo("given-up@example.org").size());
    }
}
