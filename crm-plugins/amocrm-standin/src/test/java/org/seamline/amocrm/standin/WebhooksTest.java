package org.seamline.amocrm.standin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The account POSTs contact events form-encoded to the destination an admin set. */
class WebhooksTest {

    @Test
    void aChangedContactIsPostedFormEncoded() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer destination = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        destination.createContext("/hooks/crm/amocrm/main/secret", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Content-Type") + "|"
                    + URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        destination.start();
        try (AmoCrmStandIn standIn = AmoCrmStandIn.start()) {
            standIn.webhooks().sendTo(URI.create("http://127.0.0.1:" + destination.getAddress().getPort()
                    + "/hooks/crm/amocrm/main/secret"));
            ObjectNode item = Client.MAPPER.createObjectNode().put("name", "Ivan");
            long id = standIn.account().createContact(item);
            standIn.account().updateContact(id, Client.MAPPER.createObjectNode().put("name", "Ivan P."));

            await().until(() -> standIn.webhooks().deliveries().size() == 2);

            assertEquals(List.of(200, 200), standIn.webhooks().deliveries().stream().map(Webhooks.Delivery::status).toList());
            assertTrue(received.get(0).startsWith("application/x-www-form-urlencoded|contacts[add][0][id]=" + id));
            assertTrue(received.get(1).contains("contacts[update][0][id]=" + id));
            assertTrue(received.get(1).contains("account[subdomain]=" + AmoCrmStandIn.SUBDOMAIN));
        } finally {
            destination.stop(0);
        }
    }
}
