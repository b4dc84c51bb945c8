package org.seamline.crm.hubspot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmWebhooks;

/**
 * The stand-in's webhook sender POSTs to a receiver standing in for the platform's servlet, which hands each request
 * to the connector as {@code /hooks/crm/hubspot/<instance>} would and answers 204 or 401.
 */
class DeliveredWebhooksTest {

    private HubSpotFixture fixture;
    private HttpServer servlet;
    private final List<CrmChange> stored = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fixture = new HubSpotFixture();
        CrmWebhooks connector = (CrmWebhooks) fixture.connector();
        servlet = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        servlet.createContext("/hooks/crm/hubspot/contract", exchange -> {
            try (exchange) {
                Map<String, List<String>> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
                String url = "http://127.0.0.1:" + servlet.getAddress().getPort() + exchange.getRequestURI();
                try {
                    stored.addAll(connector.receive(new CrmWebhooks.Request(exchange.getRequestMethod(), url, "",
                            headers, exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestBody().readAllBytes())));
                    exchange.sendResponseHeaders(204, -1);
                } catch (CrmException e) {
                    exchange.sendResponseHeaders(401, -1);
                }
            }
        });
        servlet.start();
    }

    @AfterEach
    void stop() {
        servlet.stop(0);
        fixture.close();
    }

    @Test
    void aChangeInHubSpotArrivesSignedAndIsAccepted() throws Exception {
        String target = "http://127.0.0.1:" + servlet.getAddress().getPort() + "/hooks/crm/hubspot/contract";
        String id = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), null, List.of());
        fixture.standIn().webhooks().sendTo(URI.create(target));

        fixture.changeContact(id, "pavel", List.of("vip"));
        fixture.standIn().account().archive("contacts", id);

        await().until(() -> fixture.standIn().webhooks().sent().size() == 3);
        assertEquals(List.of(204, 204, 204), fixture.standIn().webhooks().sent().stream()
                .map(sent -> sent.status()).toList());
        assertEquals(List.of(false, false, true), stored.stream().map(CrmChange::deleted).toList());
        assertEquals(3, stored.stream().map(CrmChange::eventId).distinct().count());
    }
}
