package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.twilio.standin.CreatedMessage;
import org.seamline.twilio.standin.Delivery;
import org.seamline.twilio.standin.TwilioStandIn;

/**
 * WhatsApp through Twilio, end to end: the Twilio stand-in posts signed webhooks to the running platform and takes
 * its replies. Each test is one customer (one number), so they do not share windows or conversations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatsAppChannelIT {

    private static final String ACCOUNT = "AC" + "1".repeat(32);
    private static final String BUSINESS = "+14155550199";
    private static final String ORDER_UPDATE_EN = "HX" + "e".repeat(32);
    private static final String ORDER_UPDATE_RU = "HX" + "d".repeat(32);

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    TwilioStandIn twilio;

    @BeforeAll
    void start() throws Exception {
        twilio = TwilioStandIn.start(ACCOUNT, "whatsapp-it-token");
        seamline = SeamlineProcess.start(dir, Map.of());
        TwilioChannels.configure(seamline, "whatsapp", "main", twilio, BUSINESS,
                "templates=order_update:en=" + ORDER_UPDATE_EN + ", order_update:ru=" + ORDER_UPDATE_RU,
                "defaultLanguage=en");
        seamline.awaitInstanceUp("main");
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        twilio.close();
    }

    private String hook(String endpoint) {
        return TwilioChannels.hook(seamline, "whatsapp", "main", endpoint);
    }

    private Delivery receive(String from, String body, Map<String, String> extra) {
        Delivery delivery = twilio.inboundWhatsApp(hook("inbound"), from, BUSINESS, body, extra);
        assertTrue(delivery.accepted(), delivery.toString());
        return delivery;
    }

    /** The customers query naming a WhatsApp number; a + in a query would be read as a space. */
    private static String byNumber(String number) {
        return "/api/v1/customers?identifier=whatsapp:" + number.replace("+", "%2B");
    }

    private JsonNode customer(String number) {
        await().atMost(Duration.ofSeconds(5)).until(() -> seamline.getJson(byNumber(number)).get("items").size() == 1);
        return seamline.getJson(byNumber(number)).at("/items/0");
    }

    private String conversationOf(String number) {
        String customer = customer(number).get("id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                seamline.getJson("/api/v1/conversations?customerId=" + customer).get("items").size() == 1);
        return seamline.getJson("/api/v1/conversations?customerId=" + customer).at("/items/0/id").asText();
    }

    private HttpResponse<String> reply(String conversation, String json) {
        return seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages", json);
    }

    private List<JsonNode> timeline(String conversation) {
        List<JsonNode> entries = new ArrayList<>();
        seamline.getJson("/api/v1/conversations/" + conversation + "/messages?limit=500").get("items").forEach(entries::add);
        return entries;
    }

    private boolean has(String conversation, String kind, String interactionId) {
        return timeline(conversation).stream().anyMatch(e -> e.get("kind").asText().equals(kind)
                && (interactionId == null || interactionId.equals(e.path("interactionId").asText())));
    }

    @Test
    void aMessageDeliveredTwiceIsStoredOnceAndItsSenderIsNamedByProfileAndKnownByNumber() {
        String ana = "+5511987654321";
        Map<String, String> sameMessage = Map.of("MessageSid", "SM" + "a".repeat(32), "ProfileName", "Ana");
        receive(ana, "Where is my order?", sameMessage);
        receive(ana, "Where is my order?", sameMessage);

        JsonNode customer = customer(ana);
        assertEquals("Ana", customer.get("displayName").asText());
        List<String> identifiers = new ArrayList<>();
        customer.get("identifiers").forEach(i -> identifiers.add(i.get("type").asText() + ":" + i.get("value").asText()));
        assertTrue(identifiers.containsAll(List.of("whatsapp:" + ana, "phone:" + ana)), identifiers.toString());
        JsonNode stored = seamline.getJson("/api/v1/interactions?channel=whatsapp&limit=500").get("items");
        long copies = 0;
        for (JsonNode interaction : stored) {
            copies += interaction.toString().contains("SM" + "a".repeat(32)) ? 1 : 0;
        }
        assertEquals(1, copies, "the redelivery stored nothing");
    }

    @Test
    void insideTheWindowAReplyIsFreeTextAndItsReadReceiptReachesTheTimeline() {
        String boris = "+5511987650001";
        receive(boris, "Is it shipped?", Map.of("ProfileName", "Boris"));
        String conversation = conversationOf(boris);

        HttpResponse<String> queued = reply(conversation, "{\"text\":\"It ships today.\"}");
        assertEquals(202, queued.statusCode(), queued.body());
        String messageId = seamline.readJson(queued.body()).get("messageId").asText();

        CreatedMessage sent = twilio.awaitMessage(m -> ("whatsapp:" + boris).equals(m.to()), Duration.ofSeconds(10));
        assertEquals("It ships today.", sent.body());
        assertNull(sent.contentSid());
        assertEquals("whatsapp:" + BUSINESS, sent.from());
        await().atMost(Duration.ofSeconds(10)).until(() -> has(conversation, "status:READ", messageId));
    }

    @Test
    void outsideTheWindowFreeTextIsRefusedWith422AndATemplateGoesOutInTheCustomersLanguage() {
        String carla = "+5511987650002";
        receive(carla, "Any news?", Map.of("ProfileName", "Carla"));
        String conversation = conversationOf(carla);
        String customer = customer(carla).get("id").asText();
        assertEquals(200, seamline.asAdmin("PATCH", "/api/v1/customers/" + customer, "{\"preferredLanguage\":\"ru\"}").statusCode());
        assertEquals(200, seamline.asAdmin("PATCH", "/api/v1/conversations/" + conversation, "{\"status\":\"pending\"}").statusCode());

        // A day later at Twilio: the free-form reply our side still thinks is in time fails with 63016.
        twilio.clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(25)));
        try {
            HttpResponse<String> late = reply(conversation, "{\"text\":\"Still on its way.\"}");
            assertEquals(202, late.statusCode(), late.body());
            String lateId = seamline.readJson(late.body()).get("messageId").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> has(conversation, "conversation:flagged", lateId));
            assertTrue(has(conversation, "status:FAILED", lateId), "63016 failed the reply: " + timeline(conversation));
            assertEquals("OPEN", seamline.getJson("/api/v1/conversations/" + conversation).get("status").asText(),
                    "the flag puts the conversation back in front of the agents");

            HttpResponse<String> refused = reply(conversation, "{\"text\":\"Hello again?\"}");
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals("template_required", seamline.readJson(refused.body()).get("error").asText());

            HttpResponse<String> template = reply(conversation, "{\"text\":\"Your order is on its way.\","
                    + "\"template\":{\"name\":\"order_update\",\"variables\":{\"1\":\"Carla\"}}}");
            assertEquals(202, template.statusCode(), template.body());
            CreatedMessage sent = twilio.awaitMessage(m -> ("whatsapp:" + carla).equals(m.to()) && m.contentSid() != null,
                    Duration.ofSeconds(10));
            assertEquals(ORDER_UPDATE_RU, sent.contentSid());
            assertEquals("{\"1\":\"Carla\"}", sent.contentVariables());
            assertNull(sent.body(), "a template carries no Body");
        } finally {
            twilio.clock(Clock.systemUTC());
        }
    }

    @Test
    void aReplyQuotingOurMessageContinuesItsConversation() {
        String dana = "+5511987650003";
        receive(dana, "Where is order 7?", Map.of());
        String conversation = conversationOf(dana);
        assertEquals(202, reply(conversation, "{\"text\":\"Order 7 ships today.\"}").statusCode());
        CreatedMessage sent = twilio.awaitMessage(m -> ("whatsapp:" + dana).equals(m.to()), Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> has(conversation, "status:SENT", null));

        receive(dana, "Thanks!", Map.of("OriginalRepliedMessageSid", sent.sid()));

        await().atMost(Duration.ofSeconds(5)).until(() -> timeline(conversation).stream()
                .anyMatch(e -> "Thanks!".equals(e.path("text").asText())));
        String customer = customer(dana).get("id").asText();
        assertEquals(1, seamline.getJson("/api/v1/conversations?customerId=" + customer).get("total").asInt());
    }

    @Test
    void aWronglySignedWebhookIsRefusedAndStoresNothing() {
        Delivery forged = twilio.post(hook("inbound"), Map.of("MessageSid", "SM" + "f".repeat(32),
                "From", "whatsapp:+5511987650009", "To", "whatsapp:" + BUSINESS, "Body", "hi"),
                org.seamline.twilio.standin.Signing.INVALID);
        assertEquals(403, forged.status());
        assertEquals(0, seamline.getJson(byNumber("+5511987650009")).get("items").size());
    }
}
