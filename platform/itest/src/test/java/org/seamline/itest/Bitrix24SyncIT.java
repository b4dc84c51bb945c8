package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.bitrix24.standin.Bitrix24StandIn;
import org.seamline.bitrix24.standin.Fault;
import org.seamline.twilio.standin.TwilioStandIn;

/**
 * CRM sync end to end, with the WhatsApp channel on the Twilio stand-in and a Bitrix24 portal on its stand-in: a
 * message from a number the CRM knows enriches the customer and lands on the contact's timeline once, whatever the
 * CRM does meanwhile, and a change made in the CRM reaches the profile through its outgoing webhook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Bitrix24SyncIT {

    private static final String ACCOUNT = "AC" + "2".repeat(32);
    private static final String BUSINESS = "+14155550123";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    TwilioStandIn twilio;
    Bitrix24StandIn bitrix;
    WhatsAppCustomers customers;
    int olga;

    @BeforeAll
    void start() throws Exception {
        twilio = TwilioStandIn.start(ACCOUNT, "crm-it-token");
        bitrix = Bitrix24StandIn.start();
        olga = bitrix.portal().addUser("Olga", "Petrova", "olga@example.com");
        seamline = SeamlineProcess.start(dir, Map.of());
        // Short waits between tries, so the test sees the CRM come back within seconds.
        Files.writeString(seamline.home.resolve("etc/org.seamline.crm.sync.cfg"), "maxBackoffSeconds=2\nroundMillis=200\n");
        TwilioChannels.configure(seamline, "whatsapp", "main", twilio, BUSINESS);
        seamline.awaitInstanceUp("main");
        customers = new WhatsAppCustomers(seamline, twilio, BUSINESS);
        Files.writeString(seamline.home.resolve("etc/org.seamline.crm.bitrix24-portal.cfg"), String.join("\n",
                "webhookUrl=" + bitrix.webhookUrl(), "applicationToken=" + bitrix.events().applicationToken(),
                "tagsField=UF_CRM_TAGS", ""));
        seamline.awaitInstanceUp("portal");
        bitrix.events().sendTo(seamline.uri("/hooks/crm/bitrix24/portal"));
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        bitrix.close();
        twilio.close();
    }

    @Test
    void aKnownNumberIsEnrichedAndItsMessageLoggedOnceThoughTheCrmLostItsAnswers() throws Exception {
        int ivan = contact("Ivan", "+7 (916) 123-45-67", List.of("vip", "wholesale"));
        // The CRM carries out the next requests but never answers them: every step is tried again.
        bitrix.faults().next(3, Fault.LOST_ANSWER);

        customers.receive("+79161234567", "Where is my order 7?", "SM" + "b".repeat(32));

        String customer = customers.customerOf("+79161234567");
        await().atMost(WITHIN).until(() -> "Olga Petrova".equals(customers.attribute(customer, "crm.owner")));
        assertEquals("vip, wholesale", customers.attribute(customer, "crm.tags"));
        assertEquals("crm:bitrix24/portal", customers.attributeNode(customer, "crm.owner").get("source").asText());
        await().atMost(WITHIN).until(() -> comments(ivan, "Where is my order 7?") == 1);
        // Twilio delivers the same webhook again: still one message, still one comment.
        customers.receive("+79161234567", "Where is my order 7?", "SM" + "b".repeat(32));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> comments(ivan, "Where is my order 7?") == 1);
    }

    @Test
    void aContactChangedInTheCrmUpdatesTheProfileThroughTheWebhook() {
        int petr = contact("Petr", "+7 903 555-00-11", List.of("new"));
        customers.receive("+79035550011", "Hello", "SM" + "c".repeat(32));
        String customer = customers.customerOf("+79035550011");
        await().atMost(WITHIN).until(() -> "new".equals(customers.attribute(customer, "crm.tags")));

        bitrix.portal().updateContact(petr, JSON.createObjectNode().set("UF_CRM_TAGS", JSON.createArrayNode().add("loyal")));

        await().atMost(WITHIN).until(() -> "loyal".equals(customers.attribute(customer, "crm.tags")));
    }

    @Test
    void anAgentsInternalNoteIsLoggedOnTheContactOnce() {
        int lev = contact("Lev", "+7 916 777-88-99", List.of());
        customers.receive("+79167778899", "Please call me", "SM" + "f".repeat(32));
        String conversation = customers.conversationOf(customers.customerOf("+79167778899"));
        await().atMost(WITHIN).until(() -> comments(lev, "Please call me") == 1);

        HttpResponse<String> note = seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/notes",
                "{\"text\":\"Called back, wants a refund\"}");
        assertEquals(201, note.statusCode(), note.body());

        await().atMost(WITHIN).until(() -> comments(lev, "admin: Called back, wants a refund") == 1);
    }

    @Test
    void aForgedNotificationIsRefusedAndChangesNothing() {
        int vera = contact("Vera", "+7 926 000-11-22", List.of("regular"));
        customers.receive("+79260001122", "Hi", "SM" + "e".repeat(32));
        String customer = customers.customerOf("+79260001122");
        await().atMost(WITHIN).until(() -> "regular".equals(customers.attribute(customer, "crm.tags")));
        bitrix.events().sendTo(URI.create("http://127.0.0.1:1/nowhere")); // the portal's own notifications go elsewhere now
        try {
            bitrix.portal().updateContact(vera, JSON.createObjectNode().set("UF_CRM_TAGS", JSON.createArrayNode().add("blocked")));
            String body = bitrix.events().body("ONCRMCONTACTUPDATE", vera, "not-the-token", System.currentTimeMillis() / 1000);
            HttpResponse<String> forged = seamline.send(HttpRequest.newBuilder(seamline.uri("/hooks/crm/bitrix24/portal"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertEquals(401, forged.statusCode(), forged.body());
            assertEquals("unauthorized", seamline.readJson(forged.body()).get("error").asText());
        } finally {
            bitrix.events().sendTo(seamline.uri("/hooks/crm/bitrix24/portal"));
        }
        assertEquals("regular", customers.attribute(customer, "crm.tags"), "a forged notification made nobody read the contact again");
    }

    @Test
    void aCrmThatAnswers503ForAMinuteDelaysNoReplyAndLosesNoActivity() {
        int anna = contact("Anna", "+7 905 111-22-33", List.of());
        bitrix.faults().next(10_000, Fault.QUERY_LIMIT_EXCEEDED); // 503, as Bitrix24 answers when overloaded
        try {
            customers.receive("+79051112233", "Can I change the address?", "SM" + "d".repeat(32));
            String conversation = customers.conversationOf(customers.customerOf("+79051112233"));
            reply(conversation, "Yes, until it ships.");
            twilio.awaitMessage(m -> "whatsapp:+79051112233".equals(m.to()) && m.body().contains("until it ships"),
                    Duration.ofSeconds(10));
            // The CRM's work waits, paused between probes, for a whole minute; the customer is answered meanwhile.
            await().atMost(WITHIN).until(() -> crmConnector().get("pausedUntil").isTextual());
            customers.receive("+79051112233", "And the floor?", "SM" + "9".repeat(32));
            reply(conversation, "The floor too.");
            twilio.awaitMessage(m -> "whatsapp:+79051112233".equals(m.to()) && m.body().contains("floor too"),
                    Duration.ofSeconds(10));
            await().during(Duration.ofSeconds(60)).atMost(Duration.ofSeconds(75))
                    .until(() -> bitrix.portal().comments(anna).isEmpty());
        } finally {
            bitrix.faults().clear();
        }
        await().atMost(WITHIN).until(() -> comments(anna, "Can I change the address?") == 1
                && comments(anna, "Yes, until it ships.") == 1 && comments(anna, "And the floor?") == 1
                && comments(anna, "The floor too.") == 1);
        assertEquals(0, seamline.getJson("/api/v1/crm/dead-letters").get("total").asInt(),
                "a minute of 503s turned no work into dead letters");
    }

    private void reply(String conversation, String text) {
        HttpResponse<String> reply = seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"" + text + "\"}");
        assertEquals(202, reply.statusCode(), reply.body());
    }

    private int contact(String name, String phone, List<String> tags) {
        ObjectNode fields = JSON.createObjectNode().put("NAME", name).put("ASSIGNED_BY_ID", olga);
        fields.putArray("PHONE").addObject().put("VALUE", phone).put("VALUE_TYPE", "WORK");
        tags.forEach(fields.putArray("UF_CRM_TAGS")::add);
        return bitrix.portal().addContact(fields);
    }

    private long comments(int contactId, String text) {
        return bitrix.portal().comments(contactId).stream().filter(c -> c.path("COMMENT").asText().contains(text)).count();
    }

    private JsonNode crmConnector() {
        for (JsonNode connector : seamline.getJson("/api/v1/crm").get("connectors")) {
            if ("portal".equals(connector.get("instance").asText())) {
                return connector;
            }
        }
        throw new AssertionError("the Bitrix24 connector is not synchronised");
    }
}
