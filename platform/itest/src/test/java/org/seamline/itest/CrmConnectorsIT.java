package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.amocrm.standin.AmoCrmStandIn;
import org.seamline.hubspot.standin.HubSpotStandIn;
import org.seamline.twilio.standin.TwilioStandIn;

/**
 * The amoCRM and HubSpot connectors deployed in the distribution, both enabled at once, each against its stand-in:
 * a WhatsApp message from a number one CRM knows enriches the customer from that CRM and is logged there once, and a
 * change made in the CRM reaches the profile through the CRM's webhook. amoCRM's OAuth code is exchanged by the
 * running connector, and its tokens are kept encrypted under a key file only the platform's user can read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmConnectorsIT {

    private static final String ACCOUNT = "AC" + "3".repeat(32);
    private static final String BUSINESS = "+14155550199";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AMO_WEBHOOK_SECRET = "amo-hook-0123456789abcdef";
    private static final String INTERACTION_ID = "seamline_interaction_id";

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    TwilioStandIn twilio;
    AmoCrmStandIn amo;
    HubSpotStandIn hubspot;
    WhatsAppCustomers customers;

    @BeforeAll
    void start() throws Exception {
        twilio = TwilioStandIn.start(ACCOUNT, "crm-connectors-it-token");
        amo = AmoCrmStandIn.start();
        hubspot = HubSpotStandIn.start();
        for (String type : List.of("notes", "calls", "emails", "communications")) {
            hubspot.account().defineProperty(type, INTERACTION_ID, true);
        }
        hubspot.account().defineProperty("contacts", "seamline_tags", false);
        seamline = SeamlineProcess.start(dir, Map.of());
        Files.writeString(seamline.home.resolve("etc/org.seamline.crm.sync.cfg"), "maxBackoffSeconds=2\nroundMillis=200\n");
        TwilioChannels.configure(seamline, "whatsapp", "main", twilio, BUSINESS);
        seamline.awaitInstanceUp("main");
        customers = new WhatsAppCustomers(seamline, twilio, BUSINESS);

        Files.writeString(seamline.home.resolve("etc/org.seamline.crm.amocrm-acme.cfg"), String.join("\n",
                "accountUrl=" + amo.baseUrl(), "subdomain=" + AmoCrmStandIn.SUBDOMAIN,
                "clientId=" + amo.oauth().clientId(), "clientSecret=" + amo.oauth().clientSecret(),
                "redirectUri=" + amo.oauth().redirectUri(), "authorizationCode=" + amo.oauth().authorizationCode(),
                "webhookSecret=" + AMO_WEBHOOK_SECRET, ""));
        seamline.awaitInstanceUp("acme");
        amo.webhooks().sendTo(seamline.uri("/hooks/crm/amocrm/acme/" + AMO_WEBHOOK_SECRET));

        Files.writeString(seamline.home.resolve("etc/org.seamline.crm.hubspot-portal.cfg"), String.join("\n",
                "baseUrl=" + hubspot.baseUrl(), "token=" + hubspot.token(),
                "webhookClientSecret=" + hubspot.webhooks().clientSecret(), "tagsProperty=seamline_tags", ""));
        seamline.awaitInstanceUp("portal");
        hubspot.webhooks().sendTo(seamline.uri("/hooks/crm/hubspot/portal"));
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        hubspot.close();
        amo.close();
        twilio.close();
    }

    @Test
    void amoCrmEnrichesTheCustomerLogsTheMessageOnceAndSendsChangesByWebhook() throws Exception {
        long olga = amo.account().addUser("Olga Petrova");
        ObjectNode item = JSON.createObjectNode().put("name", "Ivan").put("responsible_user_id", olga);
        item.putArray("custom_fields_values").addObject().put("field_code", "PHONE").putArray("values")
                .addObject().put("value", "8 (916) 222-33-44").put("enum_code", "MOB");
        item.putObject("_embedded").putArray("tags").addObject().put("name", "vip");
        long ivan = amo.account().createContact(item);

        customers.receive("+79162223344", "Where is my parcel?", "SM" + "a".repeat(32));

        String customer = customers.customerOf("+79162223344");
        await().atMost(WITHIN).until(() -> "Olga Petrova".equals(customers.attribute(customer, "crm.owner")));
        assertEquals("vip", customers.attribute(customer, "crm.tags"));
        assertEquals("crm:amocrm/acme", customers.attributeNode(customer, "crm.owner").get("source").asText());
        assertEquals(null, customers.attribute(customer, "crm.company"), "the contact is not HubSpot's: nothing from there");
        await().atMost(WITHIN).until(() -> amoNotes(ivan, "Where is my parcel?") == 1);

        amo.clock().advance(Duration.ofSeconds(1)); // amoCRM's times are whole seconds
        ObjectNode change = JSON.createObjectNode();
        change.putObject("_embedded").putArray("tags").addObject().put("name", "loyal");
        amo.account().updateContact(ivan, change);
        await().atMost(WITHIN).until(() -> "loyal".equals(customers.attribute(customer, "crm.tags")));
        assertTrue(amo.webhooks().deliveries().stream().anyMatch(d -> d.contactId() == ivan && d.status() == 200),
                "the change came by webhook, the connector polls once a minute");

        Path keys = seamline.home.resolve("etc/keys");
        try (var files = Files.list(keys)) {
            Path key = files.findFirst().orElseThrow();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)),
                    "the token key is readable by the platform's user only");
        }
        String log = seamline.log();
        assertFalse(log.contains(amo.oauth().clientSecret()), "no OAuth secret in the log");
        assertFalse(log.contains(amo.oauth().refreshToken()), "no refresh token in the log");
    }

    @Test
    void hubSpotEnrichesTheCustomerLogsTheMessageOnceAndSendsChangesByWebhook() {
        hubspot.account().addOwner("Anna", "Sidorova", "anna@example.com");
        Map<String, String> properties = new HashMap<>(Map.of("firstname", "Pavel", "lastname", "Orlov",
                "phone", "+7 903 444-55-66", "seamline_tags", "wholesale;new"));
        properties.put("hubspot_owner_id", hubspot.account().owner("Anna", "Sidorova").id());
        String pavel = hubspot.account().create("contacts", properties);

        customers.receive("+79034445566", "Is the order ready?", "SM" + "b".repeat(32));

        String customer = customers.customerOf("+79034445566");
        await().atMost(WITHIN).until(() -> "Anna Sidorova".equals(customers.attribute(customer, "crm.owner")));
        assertEquals("wholesale, new", customers.attribute(customer, "crm.tags"));
        assertEquals("crm:hubspot/portal", customers.attributeNode(customer, "crm.owner").get("source").asText());
        await().atMost(WITHIN).until(() -> hubspotCommunications(pavel, "Is the order ready?") == 1);

        hubspot.account().update("contacts", pavel, Map.of("seamline_tags", "loyal"));
        await().atMost(WITHIN).until(() -> "loyal".equals(customers.attribute(customer, "crm.tags")));
        assertTrue(hubspot.webhooks().sent().stream().anyMatch(sent -> sent.status() == 200),
                "a signed webhook was accepted");
    }

    private long amoNotes(long contactId, String text) {
        return amo.account().notes(contactId).stream().filter(note -> note.path("params").path("text").asText().contains(text))
                .count();
    }

    private long hubspotCommunications(String contactId, String text) {
        return hubspot.account().associated("contacts", contactId, "communications").stream()
                .filter(object -> String.valueOf(object.properties().get("hs_communication_body")).contains(text)).count();
    }
}
