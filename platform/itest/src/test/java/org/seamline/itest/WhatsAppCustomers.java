package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.seamline.twilio.standin.TwilioStandIn;

/**
 * Customers who write on WhatsApp through the Twilio stand-in, and what the platform knows of them: the CRM sync
 * tests' side of the conversation.
 */
final class WhatsAppCustomers {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final SeamlineProcess seamline;
    private final TwilioStandIn twilio;
    private final String business;

    WhatsAppCustomers(SeamlineProcess seamline, TwilioStandIn twilio, String business) {
        this.seamline = seamline;
        this.twilio = twilio;
        this.business = business;
    }

    /** The customer sends a WhatsApp message; Twilio's webhook is accepted. */
    void receive(String from, String body, String messageSid) {
        String hook = TwilioChannels.hook(seamline, "whatsapp", "main", "inbound");
        assertTrue(twilio.inboundWhatsApp(hook, from, business, body, Map.of("MessageSid", messageSid)).accepted());
    }

    /** The id of the one customer with this WhatsApp number, once there is one. */
    String customerOf(String number) {
        String query = "/api/v1/customers?identifier=whatsapp:" + number.replace("+", "%2B");
        await().atMost(WITHIN).until(() -> seamline.getJson(query).get("items").size() == 1);
        return seamline.getJson(query).at("/items/0/id").asText();
    }

    /** The id of the customer's one conversation, once there is one. */
    String conversationOf(String customer) {
        String query = "/api/v1/conversations?customerId=" + customer;
        await().atMost(WITHIN).until(() -> seamline.getJson(query).get("items").size() == 1);
        return seamline.getJson(query).at("/items/0/id").asText();
    }

    /** An attribute's value, or null when the customer has none of that name. */
    String attribute(String customer, String name) {
        JsonNode attribute = attributeNode(customer, name);
        return attribute == null ? null : attribute.get("value").asText();
    }

    JsonNode attributeNode(String customer, String name) {
        for (JsonNode attribute : seamline.getJson("/api/v1/customers/" + customer).get("attributes")) {
            if (name.equals(attribute.get("name").asText())) {
                return attribute;
            }
        }
        return null;
    }
}
