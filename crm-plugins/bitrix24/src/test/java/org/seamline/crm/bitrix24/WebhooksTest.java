package org.seamline.crm.bitrix24;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.bitrix24.standin.Bitrix24StandIn;

/** Outgoing-webhook events are accepted only with the hook's application token, and name the changed contact. */
class WebhooksTest {

    private Bitrix24Fixture fixture;
    private Bitrix24StandIn standIn;
    private Bitrix24Connector connector;

    @BeforeEach
    void start() {
        fixture = new Bitrix24Fixture();
        standIn = fixture.standIn();
        connector = (Bitrix24Connector) fixture.connector();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aContactChangeSentByThePortalIsVerifiedAndNamesTheContact() throws Exception {
        List<CrmChange> changes = new CopyOnWriteArrayList<>();
        List<Integer> answers = new CopyOnWriteArrayList<>();
        HttpServer platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        platform.createContext("/hooks/crm/bitrix24/contract", exchange -> {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            CrmWebhooks.Request request = new CrmWebhooks.Request("POST", exchange.getRequestURI().toString(), "",
                    Map.of("content-type", List.of(type)), type, exchange.getRequestBody().readAllBytes());
            int status;
            try {
                changes.addAll(connector.receive(request));
                status = 200;
            } catch (CrmException e) {
                status = 401;
            }
            answers.add(status);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        platform.start();
        try {
            String id = fixture.createContact("Lena", List.of(), List.of(), "Olga Petrova", List.of());
            standIn.events().sendTo(URI.create("http://127.0.0.1:" + platform.getAddress().getPort()
                    + "/hooks/crm/bitrix24/contract"));

            fixture.changeContact(id, "Ivan Sidorov", List.of("vip"));

            await().atMost(Duration.ofSeconds(10)).until(() -> !changes.isEmpty());
            assertEquals(id, changes.get(0).contactId());
            assertFalse(changes.get(0).deleted());
            assertTrue(changes.get(0).eventId().startsWith("ONCRMCONTACTUPDATE:" + id + ":"));
            assertEquals(List.of(200), answers);
        } finally {
            platform.stop(0);
        }
    }

    @Test
    void aForgedTokenIsRefusedAsAuthInvalid() {
        CrmWebhooks.Request forged = fixture.webhooks().orElseThrow().forged("5");

        assertEquals(Kind.AUTH_INVALID, assertThrows(CrmException.class, () -> connector.receive(forged)).kind());
    }

    @Test
    void withoutAConfiguredTokenEveryEventIsRefused() {
        TestConfiguration config = new TestConfiguration(standIn.webhookUrl());
        Bitrix24Connector noToken = new Bitrix24Connector("no-token", config.settings(), Clock.systemUTC());

        CrmWebhooks.Request genuine = fixture.webhooks().orElseThrow().changeOf("5");

        assertEquals(Kind.AUTH_INVALID, assertThrows(CrmException.class, () -> noToken.receive(genuine)).kind());
    }

    @Test
    void aDeletionIsReportedAsDeletedAndTheEventTimeKept() throws Exception {
        List<CrmChange> changes = connector.receive(Bitrix24Fixture.request(
                standIn.events().body("ONCRMCONTACTDELETE", 82, standIn.events().applicationToken(), 1724697689)));

        assertEquals(1, changes.size());
        assertTrue(changes.get(0).deleted());
        assertEquals("ONCRMCONTACTDELETE:82:1724697689", changes.get(0).eventId());
        assertEquals(1724697689L, changes.get(0).at().getEpochSecond());
    }

    @Test
    void aRepeatedDeliveryCarriesTheSameEventIdSoThePlatformAppliesItOnce() throws Exception {
        String body = standIn.events().body("ONCRMCONTACTUPDATE", 82, standIn.events().applicationToken(), 1724697689);

        assertEquals(connector.receive(Bitrix24Fixture.request(body)).get(0).eventId(),
                connector.receive(Bitrix24Fixture.request(body)).get(0).eventId());
    }

    @Test
    void otherEventsOnTheSameHookAreAcknowledgedWithoutChanges() throws Exception {
        String lead = standIn.events().body("ONCRMLEADADD", 3, standIn.events().applicationToken(), 1724697689);

        assertEquals(List.of(), connector.receive(Bitrix24Fixture.request(lead)));
    }

    @Test
    void aBodyThatIsNotAFormOrLacksTheContactIsRefusedAsInvalid() {
        byte[] json = "{\"event\":\"ONCRMCONTACTUPDATE\"}".getBytes(StandardCharsets.UTF_8);
        CrmWebhooks.Request notAForm = new CrmWebhooks.Request("POST", "https://seamline.example/", "",
                Map.of("content-type", List.of("application/json")), "application/json", json);
        assertEquals(Kind.VALIDATION, assertThrows(CrmException.class, () -> connector.receive(notAForm)).kind());

        String noId = "event=ONCRMCONTACTUPDATE&auth%5Bapplication_token%5D=" + standIn.events().applicationToken();
        assertEquals(Kind.VALIDATION,
                assertThrows(CrmException.class, () -> connector.receive(Bitrix24Fixture.request(noId))).kind());
    }
}
