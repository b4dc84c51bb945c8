package org.seamline.hubspot.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rolling ten-second window, the daily count, search's own limit, and injected faults. */
class LimitsTest {

    private HubSpotStandIn standIn;
    private Client client;

    @BeforeEach
    void start() {
        standIn = HubSpotStandIn.start();
        standIn.clock().stop();
        client = new Client(standIn.baseUrl(), standIn.token());
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void theTenSecondWindowRollsAndEveryAnswerCarriesTheHeaders() throws Exception {
        standIn.limits().configure(3, 1_000, 5);
        Client.Answer first = client.get("/crm/v3/objects/contacts/1");
        assertEquals("2", first.headers().firstValue("X-HubSpot-RateLimit-Remaining").orElseThrow());
        assertEquals("3", first.headers().firstValue("X-HubSpot-RateLimit-Max").orElseThrow());
        assertEquals("10000", first.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds").orElseThrow());
        assertEquals("999", first.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining").orElseThrow());
        standIn.clock().advance(Duration.ofSeconds(5));
        client.get("/crm/v3/objects/contacts/1");
        client.get("/crm/v3/objects/contacts/1");

        Client.Answer refused = client.get("/crm/v3/objects/contacts/1");
        assertEquals(429, refused.status());
        assertEquals("TEN_SECONDLY_ROLLING", refused.text("policyName"));
        assertEquals("RATE_LIMIT", refused.text("errorType"));

        standIn.clock().advance(Duration.ofSeconds(5)); // the first request leaves the window
        assertEquals(404, client.get("/crm/v3/objects/contacts/1").status());
        assertEquals(429, client.get("/crm/v3/objects/contacts/1").status());
    }

    @Test
    void theDailyCountResetsAtMidnightInTheAccountsZone() throws Exception {
        Instant now = standIn.clock().now();
        standIn.limits().zone(ZoneOffset.UTC);
        standIn.limits().configure(100, 2, 5);
        client.get("/crm/v3/objects/contacts/1");
        client.get("/crm/v3/objects/contacts/1");

        Client.Answer refused = client.get("/crm/v3/objects/contacts/1");
        assertEquals(429, refused.status());
        assertEquals("DAILY", refused.text("policyName"));

        Instant midnight = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        standIn.clock().advance(Duration.between(now, midnight));
        assertEquals(404, client.get("/crm/v3/objects/contacts/1").status());
    }

    @Test
    void searchHasFivePerSecondAndNoRateHeaders() throws Exception {
        for (int i = 0; i < 5; i++) {
            Client.Answer ok = client.post("/crm/v3/objects/contacts/search", "{}");
            assertEquals(200, ok.status());
            assertTrue(ok.headers().firstValue("X-HubSpot-RateLimit-Remaining").isEmpty());
        }
        Client.Answer refused = client.post("/crm/v3/objects/contacts/search", "{}");
        assertEquals(429, refused.status());
        assertEquals("SECONDLY", refused.text("policyName"));

        standIn.clock().advance(Duration.ofSeconds(1));
        assertEquals(200, client.post("/crm/v3/objects/contacts/search", "{}").status());
    }

    @Test
    void injectedFaultsAnswerInOrderThenNormally() throws Exception {
        standIn.faults().next(1, Fault.rateLimit("TEN_SECONDLY_ROLLING", 4));
        standIn.faults().next(1, Fault.none());
        standIn.faults().next(1, Fault.serviceUnavailable());

        Client.Answer limited = client.get("/crm/v3/objects/contacts/1");
        assertEquals(429, limited.status());
        assertEquals("4", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(404, client.get("/crm/v3/objects/contacts/1").status());
        assertEquals(503, client.get("/crm/v3/objects/contacts/1").status());
        assertEquals(404, client.get("/crm/v3/objects/contacts/1").status());
    }
}
