package org.seamline.crm.bitrix24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmContact;
import org.seamline.bitrix24.standin.Bitrix24StandIn;

/** Contacts are found by e-mail and by a phone typed in any format, and read with owner, tags, segment and company. */
class LookupAndProfileTest {

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
    void anEmailFindsItsContactAndMissesOthers() throws Exception {
        String id = fixture.createContact("Lena Fischer", List.of("Lena@Example.com"), List.of(), "Olga Petrova", List.of());

        List<CrmContact> found = connector.findByEmail("lena@example.com");

        assertEquals(1, found.size());
        assertEquals(id, found.get(0).id());
        assertEquals("Lena Fischer", found.get(0).name());
        assertEquals(List.of("Lena@Example.com"), found.get(0).emails());
        assertTrue(connector.findByEmail("nobody@example.com").isEmpty());
    }

    @Test
    void duplicatesAreAllAnsweredInIdOrder() throws Exception {
        String first = fixture.createContact("Lena", List.of("lena@example.com"), List.of(), null, null);
        String second = fixture.createContact("Lena F", List.of("lena@example.com"), List.of(), null, null);

        assertEquals(List.of(first, second), connector.findByEmail("lena@example.com").stream().map(CrmContact::id).toList());
    }

    @Test
    void aPhoneTypedNationallyIsFoundByItsE164FormAndAnsweredInE164() throws Exception {
        String national = fixture.createContact("Lena", List.of(), List.of("8 (916) 123-45-67"), null, null);
        String international = fixture.createContact("Ivan", List.of(), List.of("+7 916 123 45 67"), null, null);
        fixture.createContact("Someone else", List.of(), List.of("+7 916 123 45 68"), null, null);

        List<CrmContact> found = connector.findByPhone("+79161234567");

        assertEquals(List.of(national, international), found.stream().map(CrmContact::id).toList());
        assertEquals(List.of("+79161234567"), found.get(0).phones());
    }

    @Test
    void aProfileCarriesOwnerTagsSegmentCompanyAndStageFromOneBatchRequest() throws Exception {
        int company = standIn.portal().addCompany("Fischer GmbH");
        String id = fixture.createContact("Lena", List.of("lena@example.com"), List.of(), "Olga Petrova", List.of("vip", "wholesale"));
        standIn.portal().updateContact(Integer.parseInt(id), new ObjectMapper().createObjectNode()
                .put("COMPANY_ID", company).put(Bitrix24Fixture.SEGMENT_FIELD, "Gold").put("TYPE_ID", "PARTNER"));
        int callsBefore = standIn.calls().size();

        CrmContact profile = connector.profile(id).orElseThrow();

        assertEquals("Olga Petrova", profile.owner());
        assertEquals(List.of("vip", "wholesale"), profile.tags());
        assertEquals("Gold", profile.segment());
        assertEquals("Fischer GmbH", profile.company());
        assertEquals("PARTNER", profile.lifecycleStage());
        assertTrue(profile.updatedAt().isAfter(Instant.now().minusSeconds(60)));
        assertEquals(List.of("crm.contact.get", "user.get", "crm.company.get"),
                standIn.calls().subList(callsBefore, standIn.calls().size()));
    }

    @Test
    void withoutTheUserScopeTheOwnerIsTheEmployeeIdAndNoCompanyIsNull() throws Exception {
        String id = fixture.createContact("Lena", List.of(), List.of(), "Olga Petrova", List.of());
        standIn.scopes("crm");

        CrmContact profile = connector.profile(id).orElseThrow();

        assertEquals(String.valueOf(standIn.portal().findUser("Olga", "Petrova").orElseThrow()), profile.owner());
        assertNull(profile.company());
    }

    @Test
    void aContactThatDoesNotExistHasNoProfile() throws Exception {
        assertTrue(connector.profile("4242").isEmpty());
    }

    @Test
    void aChangeMadeInTheCrmShowsInTheNextProfileRead() throws Exception {
        String id = fixture.createContact("Lena", List.of(), List.of(), "Olga Petrova", List.of("new"));

        fixture.changeContact(id, "Ivan Sidorov", List.of("vip"));

        CrmContact profile = connector.profile(id).orElseThrow();
        assertEquals("Ivan Sidorov", profile.owner());
        assertEquals(List.of("vip"), profile.tags());
    }
}
