package org.seamline.crm.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.hubspot.standin.Association;
import org.seamline.hubspot.standin.Fault;
import org.seamline.hubspot.standin.HubSpotStandIn;
import org.seamline.hubspot.standin.StoredObject;

/** The 409 path, idempotent engagements while search lags, and what each engagement looks like in HubSpot. */
class UpsertAndLoggingTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:15:30Z");

    private HubSpotFixture fixture;
    private HubSpotStandIn standIn;
    private HubSpotConnector connector;

    @BeforeEach
    void start() {
        fixture = new HubSpotFixture();
        standIn = fixture.standIn();
        connector = (HubSpotConnector) fixture.connector();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aCreateRefusedAsAConflictOnASecondaryEmailUpdatesTheExistingContact() throws Exception {
        String existing = fixture.createContact("Lena Fischer", List.of("lena@example.com", "lena@work.example"),
                List.of(), null, List.of());

        CrmContact answered = connector.upsert(new ContactDraft(null, null, List.of("lena@work.example"),
                List.of("+79161234567")));

        assertEquals(existing, answered.id());
        assertEquals(List.of("+79161234567"), answered.phones(), "the draft's phone went to the existing contact");
        assertEquals(List.of("POST /crm/v3/objects/contacts", "PATCH /crm/v3/objects/contacts/" + existing),
                standIn.calls().stream().filter(c -> c.startsWith("POST /crm/v3/objects/contacts")
                        && !c.endsWith("/search") || c.startsWith("PATCH")).toList());
        assertEquals(1, standIn.account().all("contacts").size());
    }

    @Test
    void aContactJustCreatedIsFoundByEmailWhileSearchStillLags() throws Exception {
        standIn.account().searchLag(Duration.ofHours(1));

        CrmContact created = connector.upsert(new ContactDraft(null, "Lena Fischer", List.of("lena@example.com"), List.of()));

        assertEquals(List.of(created.id()), connector.findByEmail("lena@example.com").stream().map(CrmContact::id).toList());
    }

    @Test
    void aRetryAfterALostAnswerCreatesNoSecondRecordWhileSearchLags() throws Exception {
        standIn.account().searchLag(Duration.ofHours(1));
        String contact = fixture.createContact("Lena Fischer", List.of("lena@example.com"), List.of(), null, List.of());
        Activity note = new Activity("msg-77", contact, Activity.Kind.NOTE, Activity.Direction.INTERNAL, AT, null,
                "Called back, no answer", "olga");
        standIn.faults().next(1, Fault.none()); // the read by interaction id answers
        standIn.faults().next(1, Fault.lostAnswer()); // the create is carried out, its answer lost

        CrmException lost = assertThrows(CrmException.class, () -> connector.log(note));
        assertEquals(CrmException.Kind.TRANSIENT, lost.kind());
        String id = connector.log(note);

        assertEquals(List.of("msg-77"), fixture.loggedInteractions(contact));
        assertEquals(id, standIn.account().associated("contacts", contact, "notes").get(0).id());
    }

    @Test
    void aConflictThatNamesNoExistingIdAnswersTheRecordReadByTheInteractionId() throws Exception {
        String contact = fixture.createContact("Lena Fischer", List.of("lena@example.com"), List.of(), null, List.of());
        Activity note = new Activity("msg-78", contact, Activity.Kind.NOTE, Activity.Direction.INTERNAL, AT, null,
                "Called back", "olga");
        String first = connector.log(note);
        standIn.faults().next(1, Fault.status(404, "OBJECT_NOT_FOUND")); // the read misses it, as in a race
        standIn.faults().next(1, Fault.status(409, "CONFLICT")); // a conflict whose message names no id

        assertEquals(first, connector.log(note));
        assertEquals(1, standIn.account().all("notes").size());
    }

    @Test
    void eachKindBecomesItsEngagementTypeAssociatedWithTheContact() throws Exception {
        String contact = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), null, List.of());
        log(contact, "w-1", Activity.Kind.WHATSAPP, Activity.Direction.INBOUND, null);
        log(contact, "s-1", Activity.Kind.SMS, Activity.Direction.OUTBOUND, "olga");
        log(contact, "c-1", Activity.Kind.CALL, Activity.Direction.OUTBOUND, "olga");
        log(contact, "e-1", Activity.Kind.EMAIL, Activity.Direction.OUTBOUND, "olga");
        log(contact, "e-2", Activity.Kind.EMAIL, Activity.Direction.INBOUND, null);
        log(contact, "chat-1", Activity.Kind.CHAT, Activity.Direction.INBOUND, null);

        StoredObject whatsapp = engagement(contact, "communications", "w-1", 81);
        assertEquals("WHATS_APP", whatsapp.property("hs_communication_channel_type"));
        assertEquals("CRM", whatsapp.property("hs_communication_logged_from"));
        assertEquals(AT.toString(), whatsapp.property("hs_timestamp"));
        assertEquals("SMS", engagement(contact, "communications", "s-1", 81).property("hs_communication_channel_type"));
        StoredObject call = engagement(contact, "calls", "c-1", 194);
        assertEquals("OUTBOUND", call.property("hs_call_direction"));
        assertEquals("Call to the customer (olga): About order 42", call.property("hs_call_title"));
        assertEquals("EMAIL", engagement(contact, "emails", "e-1", 198).property("hs_email_direction"));
        assertEquals("INCOMING_EMAIL", engagement(contact, "emails", "e-2", 198).property("hs_email_direction"));
        StoredObject chat = engagement(contact, "notes", "chat-1", 202);
        assertEquals("<p><strong>Chat from the customer: About order 42</strong></p><p>Where is it? &lt;b&gt;now&lt;/b&gt;</p>",
                chat.property("hs_note_body"));
    }

    @Test
    void theDatedApiVersionCallsOnlyTheDatedObjectPaths() throws Exception {
        fixture.close();
        fixture = new HubSpotFixture(java.time.Clock.systemUTC(), "2026-03");
        standIn = fixture.standIn();
        connector = (HubSpotConnector) fixture.connector();
        String contact = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), "olga", List.of());

        connector.findByEmail("ivan@example.com");
        connector.upsert(new ContactDraft(contact, "Ivan P.", List.of(), List.of()));
        log(contact, "n-1", Activity.Kind.NOTE, Activity.Direction.INTERNAL, "olga");

        List<String> objectCalls = standIn.calls().stream().filter(c -> c.contains("/objects/")).toList();
        assertTrue(objectCalls.size() >= 5, () -> "calls " + objectCalls);
        assertTrue(objectCalls.stream().allMatch(c -> c.contains(" /crm/objects/2026-03/")), () -> "calls " + objectCalls);
    }

    @Test
    void theOwnerIsReadOnceForManyProfilesAndTheCompanyTextWins() throws Exception {
        String a = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), "olga", List.of());
        String b = fixture.createContact("Anna Berg", List.of("anna@example.com"), List.of(), "olga", List.of());
        fixture.setCompany(a, "Associated Ltd");
        standIn.account().update("contacts", a, Map.of("company", "Typed Company", "lifecyclestage", "customer"));

        CrmContact first = connector.profile(a).orElseThrow();
        connector.profile(b);

        assertEquals("olga", first.owner());
        assertEquals("Typed Company", first.company());
        assertEquals("customer", first.lifecycleStage());
        assertEquals(1, standIn.calls().stream().filter(c -> c.startsWith("GET /crm/v3/owners/")).count());
    }

    @Test
    void contactsChangedInTheSameMillisecondArePolledOnceEach() throws Exception {
        standIn.clock().stop();
        String cursor = connector.changesSince(null, 10).cursor();
        List<String> created = List.of(
                fixture.createContact("A", List.of("a@example.com"), List.of(), null, List.of()),
                fixture.createContact("B", List.of("b@example.com"), List.of(), null, List.of()),
                fixture.createContact("C", List.of("c@example.com"), List.of(), null, List.of()));

        var first = connector.changesSince(cursor, 2);
        var second = connector.changesSince(first.cursor(), 2);
        var third = connector.changesSince(second.cursor(), 2);

        assertEquals(created, java.util.stream.Stream.concat(first.changes().stream(), second.changes().stream())
                .map(c -> c.contactId()).toList());
        assertEquals(List.of(), third.changes());
    }

    private void log(String contact, String id, Activity.Kind kind, Activity.Direction direction, String author)
            throws CrmException {
        connector.log(new Activity(id, contact, kind, direction, AT, "About order 42", "Where is it? <b>now</b>", author));
    }

    private StoredObject engagement(String contact, String type, String interactionId, int associationTypeId) {
        StoredObject found = standIn.account().associated("contacts", contact, type).stream()
                .filter(o -> interactionId.equals(o.property(HubSpotFixture.INTERACTION_ID))).findFirst().orElseThrow();
        List<Association> links = standIn.account().associationsOf(type, found.id(), "contacts");
        assertEquals(List.of(associationTypeId), links.stream().map(Association::typeId).toList());
        return found;
    }
}
