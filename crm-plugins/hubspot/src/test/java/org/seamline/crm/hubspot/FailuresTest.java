package org.seamline.crm.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;
import org.seamline.api.health.Health;
import org.seamline.hubspot.standin.Fault;
import org.seamline.hubspot.standin.HubSpotStandIn;

/** Each of HubSpot's refusals becomes the kind the platform acts on, with the pause it needs and no personal data. */
class FailuresTest {

    /** 21:30 UTC: the daily limit resets in 150 minutes in UTC, in 30 minutes in Berlin (23:30 CEST). */
    private static final Instant NOW = Instant.parse("2026-05-01T21:30:00Z");
    private static final String EMAIL = "anna@example.com";

    private HubSpotFixture fixture;
    private HubSpotStandIn standIn;
    private HubSpotConnector connector;

    @BeforeEach
    void start() {
        fixture = new HubSpotFixture(Clock.fixed(NOW, ZoneOffset.UTC), "v3");
        standIn = fixture.standIn();
        connector = (HubSpotConnector) fixture.connector();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private CrmException failure(Executable call) {
        CrmException e = assertThrows(CrmException.class, call);
        assertFalse(e.getMessage().contains(EMAIL), "no personal data: " + e.getMessage());
        assertFalse(e.getMessage().contains(standIn.token()), "no token: " + e.getMessage());
        return e;
    }

    @Test
    void theTenSecondRollingLimitWaitsTenSecondsOrWhatRetryAfterSays() {
        standIn.faults().next(1, Fault.rateLimit("TEN_SECONDLY_ROLLING"));
        CrmException plain = failure(() -> connector.findByEmail(EMAIL));
        assertEquals(Kind.RATE_LIMITED, plain.kind());
        assertEquals(Duration.ofSeconds(10), plain.retryAfter().orElseThrow());
        assertTrue(plain.getMessage().contains("TEN_SECONDLY_ROLLING") && plain.getMessage().contains("correlationId"),
                plain.getMessage());
        assertEquals(Health.State.DEGRADED, connector.health().state());

        standIn.faults().next(1, Fault.rateLimit("TEN_SECONDLY_ROLLING", 3));
        assertEquals(Duration.ofSeconds(3), failure(() -> connector.findByEmail(EMAIL)).retryAfter().orElseThrow());
    }

    @Test
    void theSecondlyLimitWaitsOneSecond() {
        standIn.faults().next(1, Fault.rateLimit("SECONDLY"));

        CrmException e = failure(() -> connector.findByPhone("+79161234567"));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
    }

    @Test
    void theDailyLimitParksUntilMidnightInTheConfiguredZone() {
        standIn.faults().next(1, Fault.rateLimit("DAILY"));
        CrmException utc = failure(() -> connector.findByEmail(EMAIL));
        assertEquals(Kind.QUOTA_EXHAUSTED, utc.kind());
        assertEquals(Duration.ofMinutes(150), utc.retryAfter().orElseThrow());
        assertTrue(utc.retryable());

        fixture.configuration().dailyLimitZone = "Europe/Berlin";
        connector.reconfigure(fixture.configuration().settings());
        standIn.faults().next(1, Fault.rateLimit("DAILY"));
        assertEquals(Duration.ofMinutes(30), failure(() -> connector.findByEmail(EMAIL)).retryAfter().orElseThrow());
        assertEquals(Duration.ofMinutes(150), Failures.untilMidnight(NOW, ZoneId.of("UTC")));
    }

    @Test
    void theRealTenSecondWindowRefusesAndReopens() throws Exception {
        standIn.clock().stop();
        standIn.limits().configure(2, 1_000, 100);
        String id = fixture.createContact("Anna Berg", List.of(EMAIL), List.of(), null, List.of());
        connector.profile(id);
        connector.profile(id);

        CrmException e = failure(() -> connector.profile(id));
        assertEquals(Kind.RATE_LIMITED, e.kind());

        standIn.clock().advance(Duration.ofSeconds(10));
        assertEquals(id, connector.profile(id).orElseThrow().id());
        assertEquals(Health.State.UP, connector.health().state());
    }

    @Test
    void searchHasItsOwnFivePerSecondLimit() throws Exception {
        standIn.clock().stop();
        standIn.limits().configure(1_000, 1_000, 5);
        for (int i = 0; i < 5; i++) {
            connector.findByPhone("+79161234567");
        }

        CrmException e = failure(() -> connector.findByPhone("+79161234567"));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
    }

    @Test
    void aLowDailyBudgetShowsAsDegradedHealth() throws Exception {
        standIn.limits().configure(1_000, 20, 100);
        String id = fixture.createContact("Anna Berg", List.of(EMAIL), List.of(), null, List.of());
        for (int i = 0; i < 19; i++) {
            connector.profile(id);
        }

        Health health = connector.health();
        assertEquals(Health.State.DEGRADED, health.state());
        assertEquals("daily API budget low: 1 of 20 requests left", health.detail());
    }

    @Test
    void aWrongTokenIsAuthInvalidAndHealthDown() {
        fixture.configuration().token = "pat-na1-wrong";
        connector.reconfigure(fixture.configuration().settings());

        CrmException e = failure(() -> connector.findByEmail(EMAIL));

        assertEquals(Kind.AUTH_INVALID, e.kind());
        assertFalse(e.retryable());
        assertEquals(Health.State.DOWN, connector.health().state());
    }

    @Test
    void aReadOnlyTokenNamesTheMissingScopeOnAWrite() {
        fixture.configuration().token = standIn.readOnlyToken();
        connector.reconfigure(fixture.configuration().settings());

        CrmException e = failure(() -> connector.upsert(new ContactDraft(null, "Anna", List.of(EMAIL), List.of())));

        assertEquals(Kind.AUTH_INVALID, e.kind());
        assertTrue(e.getMessage().contains("MISSING_SCOPES") && e.getMessage().contains("crm.objects.contacts.write"),
                e.getMessage());
    }

    @Test
    void timeoutsAtTheGatewayAndAMigrationAreTransient() {
        for (int status : List.of(502, 504, 477, 500)) {
            standIn.faults().next(1, Fault.status(status, "TRANSIENT"));
            CrmException e = failure(() -> connector.findByEmail(EMAIL));
            assertEquals(Kind.TRANSIENT, e.kind(), "HTTP " + status);
        }
    }

    @Test
    void anInteractionWithoutTheAdminsPropertyIsAValidationError() throws Exception {
        String id = fixture.createContact("Anna Berg", List.of(EMAIL), List.of(), null, List.of());
        fixture.configuration().interactionIdProperty = "not_created_by_the_admin";
        connector.reconfigure(fixture.configuration().settings());

        CrmException e = failure(() -> connector.log(new Activity("m-1", id, Activity.Kind.NOTE,
                Activity.Direction.INBOUND, NOW, null, "hello", null)));

        assertEquals(Kind.VALIDATION, e.kind());
        assertFalse(e.retryable());
    }

    @Test
    void anUnreachableAccountIsTransient() {
        fixture.configuration().baseUrl = "http://127.0.0.1:1";
        connector.reconfigure(fixture.configuration().settings());

        assertEquals(Kind.TRANSIENT, failure(() -> connector.findByEmail(EMAIL)).kind());
    }
}
