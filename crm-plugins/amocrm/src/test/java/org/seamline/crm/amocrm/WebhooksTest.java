package org.seamline.crm.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmWebhooks;

/** The webhook's only proofs are the secret path and the account it names. */
class WebhooksTest {

    private final AmoCrmFixture fixture = new AmoCrmFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String contact() {
        return fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), "olga", List.of());
    }

    private static CrmException refused(AmoCrmConnector connector, CrmWebhooks.Request request) {
        return assertThrows(CrmException.class, () -> connector.receive(request));
    }

    @Test
    void aChangeCarriesAStableEventId() throws Exception {
        String id = contact();
        String form = fixture.standIn().webhooks().body("update", fixture.contact(id));

        List<CrmChange> first = fixture.connector().receive(AmoCrmFixture.request("/" + AmoCrmFixture.WEBHOOK_SECRET, form));
        List<CrmChange> again = fixture.connector().receive(AmoCrmFixture.request("/" + AmoCrmFixture.WEBHOOK_SECRET, form));

        assertEquals(1, first.size());
        assertEquals(id, first.get(0).contactId());
        assertEquals(first, again, "a repeat has the same event id, so the platform drops it");
        assertTrue(first.get(0).eventId().startsWith("contacts:update:" + id + ":"));
    }

    @Test
    void aWrongSecretAMissingOneOrAnotherAccountIsRefused() {
        String id = contact();
        String form = fixture.standIn().webhooks().body("update", fixture.contact(id));
        String otherAccount = fixture.standIn().webhooks().body("update", fixture.contact(id), "someone-else");

        assertEquals(CrmException.Kind.AUTH_INVALID, refused(fixture.connector(), AmoCrmFixture.request("", form)).kind());
        assertEquals(CrmException.Kind.AUTH_INVALID, refused(fixture.connector(),
                AmoCrmFixture.request("/" + AmoCrmFixture.WEBHOOK_SECRET + "x", form)).kind());
        assertEquals(CrmException.Kind.AUTH_INVALID, refused(fixture.connector(),
                AmoCrmFixture.request("/" + AmoCrmFixture.WEBHOOK_SECRET, otherAccount)).kind());
    }

    @Test
    void aDeletionIsReportedAsDeleted() throws Exception {
        String id = contact();
        String form = fixture.standIn().webhooks().body("delete", fixture.contact(id));

        List<CrmChange> changes = fixture.connector().receive(AmoCrmFixture.request("/" + AmoCrmFixture.WEBHOOK_SECRET, form));

        assertEquals(1, changes.size());
        assertTrue(changes.get(0).deleted());
    }

    @Test
    void otherEntitiesAreIgnoredAndABodyThatIsNoFormIsInvalid() throws Exception {
        String leads = "leads%5Bstatus%5D%5B0%5D%5Bid%5D=5&account%5Bsubdomain%5D=" + "standin";
        assertEquals(List.of(), fixture.connector().receive(AmoCrmFixture.request("/" + AmoCrmFixture.WEBHOOK_SECRET, leads)));

        CrmWebhooks.Request json = new CrmWebhooks.Request("POST", "https://seamline.example/hooks/crm/amocrm/contract",
                "/" + AmoCrmFixture.WEBHOOK_SECRET, java.util.Map.of(), "application/json", "{}".getBytes());
        assertEquals(CrmException.Kind.VALIDATION, refused(fixture.connector(), json).kind());
    }

    @Test
    void withoutAConfiguredSecretEveryWebhookIsRefused() {
        TestConfiguration config = AmoCrmFixture.configuration(fixture.standIn());
        config.webhookSecret = "";
        config.authorizationCode = fixture.standIn().oauth().authorizationCode();
        AmoCrmConnector connector = new AmoCrmConnector("nohooks", config.settings(), new InMemoryTokenVault(), Clock.systemUTC());
        String form = fixture.standIn().webhooks().body("update", fixture.contact(contact()));

        assertEquals(CrmException.Kind.AUTH_INVALID, refused(connector, AmoCrmFixture.request("/", form)).kind());
    }
}
