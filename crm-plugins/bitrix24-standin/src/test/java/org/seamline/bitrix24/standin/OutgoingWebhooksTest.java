package org.seamline.bitrix24.standin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A contact change is POSTed form-encoded to the handler, with only the id and the hook's application token. */
class OutgoingWebhooksTest {

    private Bitrix24StandIn standIn;
    private HttpServer handler;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        standIn = Bitrix24StandIn.start();
        handler = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handler.createContext("/", exchange -> {
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            received.add(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        handler.start();
        standIn.events().sendTo(URI.create("http://127.0.0.1:" + handler.getAddress().getPort() + "/hooks/crm/bitrix24/main"));
    }

    @AfterEach
    void stop() {
        standIn.close();
        handler.stop(0);
    }

    @Test
    void addUpdateAndDeleteEachSendTheirEventWithTheApplicationToken() throws Exception {
        int id = standIn.portal().addContact(Client.tree("{'NAME':'Lena'}"));
        new Client(standIn.webhookUrl()).json("crm.contact.update", "{\"id\":" + id + ",\"fields\":{\"NAME\":\"Lena F\"}}");
        standIn.portal().deleteContact(id);

        await().atMost(Duration.ofSeconds(10)).until(() -> standIn.events().deliveries().size() == 3);
        assertEquals(List.of("ONCRMCONTACTADD", "ONCRMCONTACTUPDATE", "ONCRMCONTACTDELETE"),
                standIn.events().deliveries().stream().map(OutgoingWebhooks.Delivery::event).toList());
        assertEquals(200, standIn.events().deliveries().get(1).status());
        String update = received.get(1);
        assertEquals(true, update.startsWith("event=ONCRMCONTACTUPDATE&"));
        assertEquals(true, update.contains("&data[FIELDS][ID]=" + id + "&"));
        assertEquals(true, update.contains("&auth[application_token]=" + standIn.events().applicationToken()));
        assertEquals(true, update.matches(".*&ts=[0-9]+&.*"));
        assertEquals("application/x-www-form-urlencoded", contentTypes.get(1));
    }
}
