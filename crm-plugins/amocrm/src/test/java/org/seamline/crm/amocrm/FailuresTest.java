package org.seamline.crm.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seamline.amocrm.standin.Fault;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;
import org.seamline.api.health.Health;

/** amoCRM's refusals as the kinds the platform acts on; messages without personal data or tokens. */
class FailuresTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AmoCrmFixture fixture = new AmoCrmFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private CrmException failing(Fault fault) {
        // twice: the JDK client itself repeats an idempotent GET once when a kept-alive connection was closed
        fixture.standIn().faults().next(fault == Fault.CONNECTION_RESET ? 2 : 1, fault);
        CrmException failed = assertThrows(CrmException.class, () -> fixture.connector().findByEmail("anna.secret@example.com"));
        fixture.standIn().faults().clear();
        return failed;
    }

    @Test
    void anIpBlockPausesTheConnectorForAWhileAndShowsDown() {
        CrmException blocked = failing(Fault.IP_BLOCKED);

        assertEquals(Kind.QUOTA_EXHAUSTED, blocked.kind());
        assertEquals(Failures.BLOCKED_PAUSE, blocked.retryAfter().orElseThrow());
        assertEquals(Health.State.DOWN, fixture.connector().health().state());
        assertFalse(blocked.getMessage().contains("anna"));
    }

    @Test
    void aRateLimitPausesASecondAndShowsDegraded() {
        CrmException limited = failing(Fault.TOO_MANY_REQUESTS);

        assertEquals(Kind.RATE_LIMITED, limited.kind());
        assertEquals(Duration.ofSeconds(1), limited.retryAfter().orElseThrow());
        assertEquals(Health.State.DEGRADED, fixture.connector().health().state());
    }

    @Test
    void theRealSevenPerSecondLimitAnswers429() {
        fixture.standIn().rateLimit().perSecond(7);
        CrmException limited = assertThrows(CrmException.class, () -> {
            for (int i = 0; i < 20; i++) {
                fixture.connector().findByEmail("anna@example.com");
            }
        });
        assertEquals(Kind.RATE_LIMITED, limited.kind());
        assertEquals(7.0, fixture.connector().requestsPerSecond(), "the platform paces to amoCRM's limit");
    }

    @Test
    void outagesAndLostConnectionsAreTransient() {
        assertEquals(Kind.TRANSIENT, failing(Fault.INTERNAL_ERROR).kind());
        assertEquals(Kind.TRANSIENT, failing(Fault.CONNECTION_RESET).kind());
        CrmException reset = failing(Fault.CONNECTION_RESET);
        assertFalse(reset.getMessage().contains("127.0.0.1:"), "no URL with port or path: " + reset.getMessage());
    }

    @Test
    void a401AfterARefreshIsAuthInvalid() {
        fixture.standIn().faults().next(2, Fault.UNAUTHORIZED);

        CrmException refused = assertThrows(CrmException.class, () -> fixture.connector().findByEmail("anna@example.com"));

        assertEquals(Kind.AUTH_INVALID, refused.kind());
        assertEquals(1, fixture.standIn().oauth().refreshes(), "refreshed once, then gave up");
    }

    @Test
    void aRefusedWriteIsValidationNamingCodesNotValues() throws Exception {
        String id = fixture.createContact("Lena", List.of("lena@example.com"), List.of(), null, List.of());
        fixture.standIn().account().deleteContact(Long.parseLong(id));

        CrmException missing = assertThrows(CrmException.class,
                () -> fixture.connector().upsert(new ContactDraft(id, "Lena", List.of("lena@work.example"), List.of())));
        assertEquals(Kind.NOT_FOUND, missing.kind());

        JsonNode problem = MAPPER.readTree("{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"lena@example.com is bad\","
                + "\"validation-errors\":[{\"request_id\":\"0\",\"errors\":[{\"code\":\"InvalidType\","
                + "\"path\":\"custom_fields_values.0.values.0.value\",\"detail\":\"lena@example.com\"}]}]}");
        CrmException invalid = Failures.of("create contact", 400, problem, Optional.empty());
        assertEquals(Kind.VALIDATION, invalid.kind());
        assertTrue(invalid.getMessage().contains("InvalidType at custom_fields_values.0.values.0.value"), invalid.getMessage());
        assertFalse(invalid.getMessage().contains("lena"), invalid.getMessage());
    }

    @Test
    void leniencyWithBodiesThatAreNotProblemJson() {
        assertEquals(Kind.TRANSIENT, Failures.of("x", 502, null, Optional.empty()).kind());
        assertEquals(Duration.ofSeconds(30), Failures.of("x", 429, null, Optional.of("30")).retryAfter().orElseThrow());
        assertEquals(Duration.ofSeconds(1), Failures.of("x", 429, null, Optional.of("soon")).retryAfter().orElseThrow());
        assertEquals(Kind.AUTH_INVALID, Failures.of("x", 402, null, Optional.empty()).kind());
        assertEquals(Kind.NOT_FOUND, Failures.of("x", 404, null, Optional.empty()).kind());
        assertEquals(Kind.UNKNOWN, Failures.of("x", 418, null, Optional.empty()).kind());
    }
}
