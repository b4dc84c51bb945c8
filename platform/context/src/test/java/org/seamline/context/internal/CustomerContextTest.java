package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.customer.CustomerContext.LinkOutcome;
import org.seamline.api.customer.CustomerView;
import org.seamline.api.customer.Purpose;
import org.seamline.api.feed.Change;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ContextEvents;

/** The customer context as a plugin uses it, on a real H2 and PostgreSQL. */
class CustomerContextTest {

    private static final Identifier ANNA_PHONE = new Identifier("phone", "+4915112345678");
    private static final Identifier BORIS_EMAIL = new Identifier("email", "boris@example.com");
    private static final String CRM = "crm:bitrix24/main";

    private TestContext context;

    private void setUp(String kind) throws Exception {
        context = new TestContext(kind);
        receive("m-1", new Party("Anna", List.of(ANNA_PHONE)));
        receive("m-2", new Party("Boris", List.of(BORIS_EMAIL)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void findsACustomerByAnIdentifierWrittenAnotherWayAndFollowsMerges(String kind) throws Exception {
        setUp(kind);
        CustomerView anna = context.customerContext.find(new Identifier("phone", "+49 151 1234 5678")).orElseThrow();
        assertEquals("Anna", anna.displayName());
        assertEquals("api/main", anna.attributes().get("name").source());
        CustomerView boris = context.customerContext.find(new Identifier("email", " Boris@Example.COM")).orElseThrow();
        assertEquals(Optional.empty(), context.customerContext.find(new Identifier("email", "nobody@example.com")));
        assertEquals(Optional.empty(), context.customerContext.find(new Identifier("phone", "12")), "not a number: nobody");

        context.merges.merge(anna.id(), boris.id(), "admin", "same person");

        assertEquals(anna.id(), context.customerContext.customer(boris.id()).orElseThrow().id(), "a merged id answers the survivor");
        assertEquals(anna.id(), context.customerContext.find(BORIS_EMAIL).orElseThrow().id());
        assertTrue(context.customerContext.customer(anna.id()).orElseThrow().identifiers().contains(BORIS_EMAIL));
        assertEquals(Optional.empty(), context.customerContext.customer("no-such-id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void attributesKeepTheirSourceAndOnlyThatSourceRemovesThem(String kind) throws Exception {
        setUp(kind);
        String anna = context.customerContext.find(ANNA_PHONE).orElseThrow().id();
        long head = context.feed.head();

        assertTrue(context.customerContext.updateAttributes(anna, CRM, Map.of("owner", "Olga", "segment", "VIP")));

        CustomerView view = context.customerContext.customer(anna).orElseThrow();
        assertEquals("Olga", view.attributes().get("owner").value());
        assertEquals(CRM, view.attributes().get("owner").source());
        assertEquals(CRM, context.directory.customer(anna).orElseThrow().attributes().stream()
                .filter(a -> a.name().equals("segment")).findFirst().orElseThrow().source(), "the API's view shows it too");
        List<Change> changes = context.feed.after(head, 100);
        assertEquals(1, changes.size(), "one change for the whole update");
        assertEquals(Change.CUSTOMER_CHANGED, changes.get(0).type());
        assertEquals(anna, changes.get(0).customerId());
        assertEquals(CRM, changes.get(0).actor(), "a connector can tell its own changes");
        assertEquals(1, context.events.of(ContextEvents.CUSTOMER_CHANGED).size());

        assertTrue(context.customerContext.updateAttributes(anna, CRM, Map.of("owner", "Olga")));
        assertEquals(head + 1, context.feed.head(), "writing the same value again changes nothing and records nothing");

        context.customerContext.updateAttributes(anna, "admin", Map.of("segment", "standard"));
        Map<String, String> cleared = new HashMap<>();
        cleared.put("owner", null);
        cleared.put("segment", "");
        assertTrue(context.customerContext.updateAttributes(anna, CRM, cleared));
        view = context.customerContext.customer(anna).orElseThrow();
        assertFalse(view.attributes().containsKey("owner"), "the CRM took back its own value");
        assertEquals("standard", view.attributes().get("segment").value(), "an agent's value stays");

        assertThrows(IllegalArgumentException.class, () -> context.customerContext.updateAttributes(anna, CRM,
                Map.of("ok", "fine", "bad name!", "x")));
        assertThrows(IllegalArgumentException.class, () -> context.customerContext.updateAttributes(anna, CRM,
                Map.of("long", "x".repeat(2001))));
        assertThrows(IllegalArgumentException.class, () -> context.customerContext.updateAttributes(anna, " ", Map.of("a", "b")));
        assertFalse(context.customerContext.customer(anna).orElseThrow().attributes().containsKey("ok"), "nothing of a refused update");
        assertFalse(context.customerContext.updateAttributes("no-such-id", CRM, Map.of("owner", "Olga")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void linkingGivesAnIdentifierButNeverTakesOneFromAnotherCustomer(String kind) throws Exception {
        setUp(kind);
        String anna = context.customerContext.find(ANNA_PHONE).orElseThrow().id();
        String boris = context.customerContext.find(BORIS_EMAIL).orElseThrow().id();
        Identifier crmId = new Identifier(CRM, "42");
        long head = context.feed.head();

        assertEquals(LinkOutcome.LINKED, context.customerContext.link(anna, crmId, CRM));
        assertEquals(LinkOutcome.ALREADY_LINKED, context.customerContext.link(anna, crmId, CRM));
        assertEquals(anna, context.customerContext.find(crmId).orElseThrow().id());
        assertEquals(LinkOutcome.LINKED, context.customerContext.link(anna, new Identifier("email", "Anna@Example.com"), CRM));
        assertEquals(anna, context.customerContext.find(new Identifier("email", "anna@example.com")).orElseThrow().id());
        assertEquals(head + 2, context.feed.head(), "one customer.changed per link that linked");

        assertEquals(LinkOutcome.OWNED_BY_ANOTHER, context.customerContext.link(anna, BORIS_EMAIL, CRM));
        assertEquals(boris, context.customerContext.find(BORIS_EMAIL).orElseThrow().id(), "still Boris's");
        Identifier annasWhatsApp = new Identifier("whatsapp", "whatsapp:+49 151 12345678");
        assertEquals(LinkOutcome.OWNED_BY_ANOTHER, context.customerContext.link(boris, annasWhatsApp, CRM),
                "a WhatsApp number is the phone number too, and that is Anna's");
        assertEquals(Optional.empty(), context.customerContext.find(annasWhatsApp), "nothing of it was linked to Boris");
        assertEquals(LinkOutcome.LINKED, context.customerContext.link(anna, annasWhatsApp, CRM));
        assertEquals(LinkOutcome.NO_CUSTOMER, context.customerContext.link("no-such-id", new Identifier(CRM, "43"), CRM));
        assertThrows(IllegalArgumentException.class, () -> context.customerContext.link(anna, new Identifier("phone", "12"), CRM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void consentIsRecordedForTheCustomer(String kind) throws Exception {
        setUp(kind);
        String anna = context.customerContext.find(ANNA_PHONE).orElseThrow().id();
        long head = context.feed.head();

        assertTrue(context.customerContext.consent(anna, "sms", Purpose.MARKETING, true, "web form 2026-05-01"));

        assertTrue(ProfileStore.permits(context.directory.customer(anna).orElseThrow().consents(), "sms", ConsentPurpose.MARKETING));
        assertEquals(Change.CUSTOMER_CHANGED, context.feed.after(head, 1).get(0).type());
        assertFalse(context.customerContext.consent("no-such-id", "sms", Purpose.MARKETING, true, "web form"));
        assertThrows(IllegalArgumentException.class, () -> context.customerContext.consent(anna, "sms", null, true, "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStoreThatIsDownIsReportedAsUnavailable(String kind) throws Exception {
        setUp(kind);
        String anna = context.customerContext.find(ANNA_PHONE).orElseThrow().id();
        ((HikariDataSource) context.database.dataSource()).close();

        assertThrows(IngressUnavailableException.class, () -> context.customerContext.find(ANNA_PHONE));
        assertThrows(IngressUnavailableException.class, () -> context.customerContext.customer(anna));
        assertThrows(IngressUnavailableException.class, () -> context.customerContext.updateAttributes(anna, CRM, Map.of("a", "b")));
        assertThrows(IngressUnavailableException.class, () -> context.customerContext.link(anna, new Identifier(CRM, "1"), CRM));
        assertThrows(IngressUnavailableException.class, () -> context.customerContext.consent(anna, "sms", Purpose.SERVICE, true, "x"));
        assertThrows(IngressUnavailableException.class, () -> context.feed.after(0, 10));
        assertThrows(IngressUnavailableException.class, () -> context.feed.commit("r", 1));
    }

    private void receive(String id, Party from) throws Exception {
        context.inbox.insert(List.of(new InboundMessage("api", "main", id, from, "text " + id, null, null, null, null)));
        context.pending().processPending();
    }
}
