package org.seamline.crm.bitrix24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.bitrix24.standin.Bitrix24StandIn;
import org.seamline.bitrix24.standin.Fault;

/** Creating never makes a second contact for a known e-mail or phone; updating adds and keeps the CRM's values. */
class UpsertTest {

    private Bitrix24Fixture fixture;
    private Bitrix24StandIn standIn;
    private CrmConnector connector;

    @BeforeEach
    void start() {
        fixture = new Bitrix24Fixture();
        standIn = fixture.standIn();
        connector = fixture.connector();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aNewContactIsCreatedWithItsEmailAndPhoneAsMultiFields() throws Exception {
        CrmContact created = connector.upsert(new ContactDraft(null, "Lena Fischer", List.of("Lena@Example.com"),
                List.of("+79161234567")));

        JsonNode stored = standIn.portal().contact(Integer.parseInt(created.id()));
        assertEquals("Lena Fischer", stored.get("NAME").asText());
        assertEquals("lena@example.com", stored.get("EMAIL").get(0).get("VALUE").asText());
        assertEquals("WORK", stored.get("EMAIL").get(0).get("VALUE_TYPE").asText());
        assertEquals("+79161234567", stored.get("PHONE").get(0).get("VALUE").asText());
        assertEquals("MOBILE", stored.get("PHONE").get(0).get("VALUE_TYPE").asText());
        assertEquals(List.of("+79161234567"), created.phones());
    }

    @Test
    void creatingAContactWhoseEmailExistsAnswersTheExistingOneAndAddsWhatItLacks() throws Exception {
        String existing = fixture.createContact("Lena", List.of("lena@example.com"), List.of("8 916 123-45-67"), null, null);

        CrmContact answered = connector.upsert(new ContactDraft(null, null, List.of("lena@example.com"),
                List.of("+79161234567", "+4915112345678")));

        assertEquals(existing, answered.id());
        assertEquals(1, standIn.portal().contacts().size());
        assertEquals(List.of("+79161234567", "+4915112345678"), answered.phones(),
                "the national form already was this number; only the new one is added");
        assertEquals("Lena", answered.name(), "no name in the draft leaves the CRM's");
    }

    @Test
    void aKnownPhoneAloneFindsTheExistingContactToo() throws Exception {
        String existing = fixture.createContact("Ivan", List.of(), List.of("8 (916) 555-00-11"), null, null);

        CrmContact answered = connector.upsert(new ContactDraft(null, "Ivan", List.of("ivan@example.com"), List.of("+79165550011")));

        assertEquals(existing, answered.id());
        assertEquals(List.of("ivan@example.com"), answered.emails());
    }

    @Test
    void anUpdateAddsAnEmailAndKeepsTheOnesTheCrmHas() throws Exception {
        String id = fixture.createContact("Lena", List.of("lena@work.example"), List.of(), null, null);

        CrmContact updated = connector.upsert(new ContactDraft(id, "Lena Fischer", List.of("lena@home.example"), List.of()));

        assertEquals(List.of("lena@work.example", "lena@home.example"), updated.emails());
        assertEquals("Lena Fischer", updated.name());
    }

    @Test
    void aCreateRetriedAfterALostAnswerFindsTheContactItMadeInsteadOfASecond() throws Exception {
        ContactDraft draft = new ContactDraft(null, "Lena", List.of("lena@example.com"), List.of("+79161234567"));
        standIn.faults().next(2, Fault.NONE); // the e-mail and phone lookups
        standIn.faults().next(1, Fault.LOST_ANSWER);
        assertEquals(CrmException.Kind.TRANSIENT, assertThrows(CrmException.class, () -> connector.upsert(draft)).kind());

        CrmContact retried = connector.upsert(draft);

        assertEquals(1, standIn.portal().contacts().size());
        assertEquals(standIn.portal().contacts().get(0).get("ID").asText(), retried.id());
    }

    @Test
    void updatingAContactThatIsGoneIsNotFound() {
        CrmException e = assertThrows(CrmException.class,
                () -> connector.upsert(new ContactDraft("4242", "X", List.of("x@example.com"), List.of())));

        assertEquals(CrmException.Kind.NOT_FOUND, e.kind());
    }
}
