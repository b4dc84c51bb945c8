package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.twilio.standin.CallDriver;
import org.seamline.twilio.standin.TwilioStandIn;

/** One person texting, writing on WhatsApp and calling from one number: one customer, one timeline. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwilioJourneyIT {

    private static final String ACCOUNT = "AC" + "70".repeat(16);
    private static final String BUSINESS = "+15005550006";
    private static final String CUSTOMER = "+4915112345678";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    TwilioStandIn twilio;

    @BeforeAll
    void start() throws Exception {
        twilio = TwilioStandIn.start(ACCOUNT, "journey-token");
        seamline = SeamlineProcess.start(dir, Map.of());
        for (String kind : new String[] {"sms", "whatsapp", "voice"}) {
            TwilioChannels.configure(seamline, kind, "main-" + kind, twilio, BUSINESS);
            seamline.awaitInstanceUp("main-" + kind);
        }
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        twilio.close();
    }

    @Test
    void anSmsAWhatsAppMessageAndACallFromOneNumberLandInOneCustomersTimeline() {
        twilio.inboundSms(TwilioChannels.hook(seamline, "sms", "main-sms", "inbound"), CUSTOMER, BUSINESS, "Hi, it's Lena");
        twilio.inboundWhatsApp(TwilioChannels.hook(seamline, "whatsapp", "main-whatsapp", "inbound"), CUSTOMER, BUSINESS,
                "Same question on WhatsApp", null);
        CallDriver call = twilio.call(TwilioChannels.hook(seamline, "voice", "main-voice", "incoming"),
                TwilioChannels.hook(seamline, "voice", "main-voice", "status"), CUSTOMER, BUSINESS).start();
        call.hangUp();

        String byPhone = "/api/v1/customers?identifier=" + URLEncoder.encode("phone:" + CUSTOMER, StandardCharsets.UTF_8);
        await().atMost(WITHIN).until(() -> seamline.getJson(byPhone).get("items").size() == 1);
        String customer = seamline.getJson(byPhone).at("/items/0/id").asText();
        String timeline = "/api/v1/customers/" + customer + "/timeline?limit=100";
        await().atMost(WITHIN).until(() -> channels(timeline).containsAll(Set.of("sms", "whatsapp", "voice")));

        assertEquals(1, seamline.getJson("/api/v1/customers?limit=100").get("total").asInt(), "one customer, not three");
        JsonNode callEntry = null;
        for (JsonNode entry : seamline.getJson(timeline).get("items")) {
            if (entry.path("channel").asText().equals("voice")) {
                callEntry = entry;
            }
        }
        assertEquals(call.callSid(), callEntry.get("providerMessageId").asText(), "the call with its CallSid");
        assertEquals("call", callEntry.get("kind").asText());
        assertTrue(seamline.getJson("/api/v1/conversations?customerId=" + customer).get("items").size() == 1,
                "one conversation continued across the three channels");
    }

    private Set<String> channels(String timeline) {
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : seamline.getJson(timeline).get("items")) {
            seen.add(entry.path("channel").asText());
        }
        return seen;
    }
}
