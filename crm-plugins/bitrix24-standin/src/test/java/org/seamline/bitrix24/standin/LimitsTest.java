package org.seamline.bitrix24.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leaky bucket (503), the operating time (429) and injected faults, as {@code limits.md} describes them. */
class LimitsTest {

    private Bitrix24StandIn standIn;
    private Client client;

    @BeforeEach
    void start() {
        standIn = Bitrix24StandIn.start();
        client = new Client(standIn.webhookUrl());
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void theDefaultBucketAdmitsABurstOf50ThenRefusesUntilItDrains() throws Exception {
        standIn.clock().stop();
        for (int i = 0; i < 50; i++) {
            assertEquals(200, client.json("crm.contact.list", "{}").status(), "request " + i);
        }

        Client.Answer refused = client.json("crm.contact.list", "{}");
        assertEquals(503, refused.status());
        assertEquals("QUERY_LIMIT_EXCEEDED", refused.body().get("error").asText());
        assertEquals("Too many requests", refused.body().get("error_description").asText());

        standIn.clock().advance(Duration.ofSeconds(1)); // drains 2
        assertEquals(200, client.json("crm.contact.list", "{}").status());
        assertEquals(200, client.json("crm.contact.list", "{}").status());
        assertEquals(503, client.json("crm.contact.list", "{}").status());
    }

    @Test
    void aMethodOverItsOperatingTimeIsBlockedAloneUntilTheTimeLeavesTheWindow() throws Exception {
        standIn.operating().charge("crm.contact.list", 481);

        Client.Answer blocked = client.json("crm.contact.list", "{}");
        assertEquals(429, blocked.status());
        assertEquals("OPERATION_TIME_LIMIT", blocked.body().get("error").asText());
        Client.Answer other = client.json("crm.contact.get", "{\"id\":1}");
        assertEquals("Not found", other.body().get("error_description").asText(), "another method still runs");

        standIn.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        assertEquals(200, client.json("crm.contact.list", "{}").status());
    }

    @Test
    void theTimeBlockReportsTheMethodsOperatingAndWhenItResets() throws Exception {
        standIn.operating().costPerCall(2.5);
        client.json("crm.contact.list", "{}");

        var time = client.json("crm.contact.list", "{}").body().get("time");

        assertEquals(5.0, time.get("operating").asDouble(), 0.001);
        assertTrue(time.get("operating_reset_at").asLong() > System.currentTimeMillis() / 1000 + 500);
    }

    @Test
    void injectedFaultsAnswerTheNextRequestsAsThePortalWould() throws Exception {
        standIn.faults().next(1, Fault.INTERNAL_SERVER_ERROR);
        standIn.faults().next(1, Fault.OPERATION_TIME_LIMIT);

        Client.Answer first = client.json("crm.contact.list", "{}");
        assertEquals(500, first.status());
        assertEquals("INTERNAL_SERVER_ERROR", first.body().get("error").asText());
        assertEquals(429, client.json("crm.contact.list", "{}").status());
        assertEquals(200, client.json("crm.contact.list", "{}").status());
    }

    @Test
    void aLostAnswerIsCarriedOutThoughTheCallerHearsNothing() {
        standIn.faults().next(1, Fault.LOST_ANSWER);

        assertThrows(IOException.class, () -> client.json("crm.contact.add", "{\"fields\":{\"NAME\":\"Lena\"}}"));

        assertEquals(1, standIn.portal().contacts().size());
    }
}
