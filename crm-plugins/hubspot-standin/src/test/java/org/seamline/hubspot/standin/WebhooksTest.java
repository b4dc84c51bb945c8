package org.seamline.hubspot.standin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contact changes are POSTed to the target as a JSON array, signed v3 as HubSpot documents it. */
class WebhooksTest {

    private record Received(String uri, String timestamp, String signature, String body) {
    }

    private HubSpotStandIn standIn;
    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        standIn = HubSpotStandIn.start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("X-HubSpot-Request-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-HubSpot-Signature-v3"), body));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        standIn.close();
    }

    @Test
    void aChangedContactIsDeliveredSignedWithTheClientSecret() throws Exception {
        String target = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/crm/hubspot/main";
        standIn.webhooks().sendTo(URI.create(target));
        String id = standIn.account().create("contacts", Map.of("email", "anna@example.com"));
        standIn.account().update("contacts", id, Map.of("lifecyclestage", "customer"));

        await().until(() -> received.size() == 2);

        Received change = received.get(1);
        JsonNode event = Client.MAPPER.readTree(change.body()).get(0);
        assertEquals("contact.propertyChange", event.path("subscriptionType").asText());
        assertEquals(id, event.path("objectId").asText());
        assertEquals("lifecyclestage", event.path("propertyName").asText());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(standIn.webhooks().clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(("POST" + target + change.body()
                + change.timestamp()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, change.signature());
        await().until(() -> standIn.webhooks().sent().size() == 2);
        assertEquals(204, standIn.webhooks().sent().get(1).status());
    }
}
