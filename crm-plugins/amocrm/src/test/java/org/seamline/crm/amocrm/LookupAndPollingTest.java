package org.seamline.crm.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmContact;

/** Lookup in the formats people type, names resolved once, and a change feed that misses nothing while down. */
class LookupAndPollingTest {

    private final AmoCrmFixture fixture = new AmoCrmFixture();
    private final AmoCrmConnector connector = fixture.connector();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aNationalNumberIsFoundByItsE164Form() throws Exception {
        String id = fixture.createContact("Ivan", List.of(), List.of("8 (916) 123-45-67"), null, List.of());
        fixture.createContact("Other", List.of(), List.of("+7 916 123-45-60"), null, List.of());

        List<CrmContact> found = connector.findByPhone("+79161234567");

        assertEquals(List.of(id), found.stream().map(CrmContact::id).toList());
        assertEquals(List.of("+79161234567"), found.get(0).phones());
    }

    @Test
    void ownerAndCompanyNamesAreReadOnceForManyProfiles() throws Exception {
        String id = fixture.createContact("Ivan", List.of("ivan@example.com"), List.of(), "Olga Petrova", List.of("vip"));
        fixture.setCompany(id, "Acme Trading");

        connector.profile(id);
        int before = fixture.standIn().requests().size();
        CrmContact again = connector.profile(id).orElseThrow();

        assertEquals("Olga Petrova", again.owner());
        assertEquals("Acme Trading", again.company());
        assertEquals(before + 1, fixture.standIn().requests().size(), "the contact only; the names were kept");
    }

    @Test
    void upsertWritesPhonesInE164AndAnUpdateKeepsWhatWasThere() throws Exception {
        CrmContact created = connector.upsert(new ContactDraft(null, "Lena", List.of("lena@example.com"), List.of("+79161234567")));
        CrmContact updated = connector.upsert(new ContactDraft(created.id(), null, List.of("LENA@example.com"), List.of("+79035550199")));

        assertEquals(List.of("lena@example.com"), updated.emails(), "the same address in capitals is no new one");
        assertEquals(Set.of("+79161234567", "+79035550199"), new HashSet<>(updated.phones()));
        assertEquals("Lena", updated.name());
    }

    @Test
    void changesWhileThePlatformDidNotPollAreAllHandedOverInOrder() throws Exception {
        String cursor = connector.changesSince(null, 50).cursor();
        // the platform is down; in the CRM life goes on, several changes within one second
        String a = fixture.createContact("A", List.of("a@example.com"), List.of(), null, List.of());
        String b = fixture.createContact("B", List.of("b@example.com"), List.of(), null, List.of());
        fixture.changeContact(a, "olga", List.of("vip"));
        String c = fixture.createContact("C", List.of("c@example.com"), List.of(), null, List.of());

        CrmChangePolling.Page first = connector.changesSince(cursor, 2);
        CrmChangePolling.Page second = connector.changesSince(first.cursor(), 2);
        CrmChangePolling.Page third = connector.changesSince(second.cursor(), 2);

        assertEquals(List.of(b, a), ids(first.changes()), "ordered by change: b, then a changed later");
        assertEquals(List.of(c), ids(second.changes()));
        assertEquals(List.of(), third.changes());
        assertEquals(second.cursor(), third.cursor());
        assertTrue(first.changes().get(0).eventId().startsWith("contact:" + b + ":"));
    }

    @Test
    void aCursorSurvivesARestartOfTheConnector() throws Exception {
        String cursor = connector.changesSince(null, 50).cursor();
        fixture.standIn().clock().advance(Duration.ofSeconds(2));
        String a = fixture.createContact("A", List.of("a@example.com"), List.of(), null, List.of());

        AmoCrmConnector restarted = new AmoCrmConnector("contract", fixture.configuration().settings(), fixture.vault(),
                java.time.Clock.systemUTC());

        assertEquals(List.of(a), ids(restarted.changesSince(cursor, 50).changes()));
    }

    private static List<String> ids(List<CrmChange> changes) {
        return changes.stream().map(CrmChange::contactId).toList();
    }
}
