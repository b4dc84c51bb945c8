package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ContextEvents;
import org.seamline.context.Customer;
import org.seamline.context.MergeRecord;
import org.seamline.context.ProfileAttribute;
import org.seamline.context.ProfileChange;

/** Attributes, tags, preferences, consents and search, on a real H2 and a real PostgreSQL. */
class ProfilesTest {

    private TestContext context;

    private Customer receive(String id, String name, Identifier from) throws Exception {
        context.inbox.insert(List.of(new InboundMessage("api", "shop", id, new Party(name, List.of(from)), "hi", null, null, null, null)));
        context.pending().processPending();
        return context.directory.findByIdentifier(from.type(), from.value()).orElseThrow();
    }

    private static String attribute(Customer customer, String name) {
        return customer.attributes().stream().filter(a -> a.name().equals(name)).map(ProfileAttribute::value).findFirst().orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aChannelsNameIsAnAttributeWithItsSourceAndAnAgentsChangeWins(String kind) throws Exception {
        context = new TestContext(kind);
        Customer anna = receive("m-1", "Anna", new Identifier("email", "anna@example.com"));
        ProfileAttribute name = anna.attributes().get(0);
        assertEquals(List.of("name", "Anna", "api/shop"), List.of(name.name(), name.value(), name.source()));

        Customer changed = context.profiles.change(anna.id(), new ProfileChange(Map.of("name", "Anna Petrova", "city", "Kazan"),
                List.of("vip", "b2b"), null, "whatsapp", "pt-br"), "admin").orElseThrow();
        assertEquals("Anna Petrova", attribute(changed, "name"));
        assertEquals("admin", changed.attributes().stream().filter(a -> a.name().equals("city")).findFirst().orElseThrow().source());
        assertEquals(List.of("b2b", "vip"), changed.tags());
        assertEquals("whatsapp", changed.preferredChannel());
        assertEquals("pt-BR", changed.preferredLanguage(), "language tags are kept in their canonical form");

        receive("m-2", "Anja", new Identifier("email", "anna@example.com"));
        assertEquals("Anna Petrova", attribute(context.directory.customer(anna.id()).orElseThrow(), "name"),
                "a name a channel reports later does not overwrite the agent's");

        Map<String, String> removal = new HashMap<>();
        removal.put("city", null);
        Customer cleared = context.profiles.change(anna.id(), new ProfileChange(removal, null, List.of("vip"), "", ""), "admin")
                .orElseThrow();
        assertEquals(null, attribute(cleared, "city"));
        assertEquals(List.of("b2b"), cleared.tags());
        assertEquals(null, cleared.preferredChannel());
        assertEquals(null, cleared.preferredLanguage());
        assertEquals(2, context.events.of(ContextEvents.CUSTOMER_CHANGED).size(), "each change is announced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void invalidInputIsRefusedWholeAndChangesNothing(String kind) throws Exception {
        context = new TestContext(kind);
        Customer anna = receive("m-1", "Anna", new Identifier("email", "anna@example.com"));

        assertThrows(IllegalArgumentException.class, () -> context.profiles.change(anna.id(),
                new ProfileChange(Map.of("ok", "fine", "bad name!", "x"), null, null, null, null), "admin"));
        assertThrows(IllegalArgumentException.class, () -> context.profiles.change(anna.id(),
                new ProfileChange(Map.of("ok", "fine"), null, null, null, "not a language!"), "admin"));
        assertThrows(IllegalArgumentException.class, () -> context.profiles.change(anna.id(),
                new ProfileChange(Map.of("ok", "x".repeat(2001)), null, null, null, null), "admin"));
        assertThrows(IllegalArgumentException.class, () -> context.profiles.recordConsent(anna.id(), "SMS; drop", ConsentPurpose.SERVICE,
                false, "admin", null));

        assertEquals(anna, context.directory.customer(anna.id()).orElseThrow());
        assertTrue(context.profiles.change("nobody", new ProfileChange(null, List.of("x"), null, null, null), "admin").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void valuesTheStoreCannotHoldOrNoChannelKnowsAreRefusedNamingTheField(String kind) throws Exception {
        context = new TestContext(kind);
        Customer anna = receive("m-1", "Anna", new Identifier("email", "anna@example.com"));

        String longTag = "x-" + "abcdefgh-".repeat(50) + "a";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> context.profiles.change(anna.id(),
                new ProfileChange(null, null, null, null, longTag), "admin")).getMessage().startsWith("preferredLanguage"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> context.profiles.change(anna.id(),
                new ProfileChange(null, null, null, "telegramm", null), "admin")).getMessage().startsWith("preferredChannel 'telegramm'"));
        assertThrows(IllegalArgumentException.class, () -> context.profiles.change(anna.id(),
                new ProfileChange(null, null, null, "*", null), "admin"));
        assertThrows(IllegalArgumentException.class, () -> context.profiles.recordConsent(anna.id(), "smss", ConsentPurpose.SERVICE,
                false, "admin", null));
        assertThrows(IllegalArgumentException.class, () -> context.profiles.recordConsent(anna.id(), "sms", ConsentPurpose.SERVICE,
                false, "admin", "e".repeat(1001)));
        assertThrows(IllegalArgumentException.class, () -> context.conversations.conversations(null, null, "smss", 0, 50));
        assertThrows(IllegalArgumentException.class, () -> context.directory.findByIdentifier("emial", "anna@example.com"));

        assertEquals(anna, context.directory.customer(anna.id()).orElseThrow());
        assertEquals(1, context.conversations.conversations(null, null, "api", 0, 50).total());
        assertEquals(anna.id(), context.directory.findByIdentifier("email", "ANNA@example.com.").orElseThrow().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyFormOfOneMailboxIsOneCustomer(String kind) throws Exception {
        context = new TestContext(kind);
        Customer anna = receive("m-1", "Anna", new Identifier("email", "anna@example.com"));
        for (String form : List.of("\uFF41\uFF4E\uFF4E\uFF41@\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.com",
                "an\u200Bna@example.com", "mailto:Anna@example.com.")) {
            assertEquals(anna.id(), receive("m-" + form.hashCode(), null, new Identifier("email", form)).id(), form);
        }
        assertEquals(1, context.directory.customers(0, 10).total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theLatestConsentPerChannelAndPurposeCountsAndEveryChannelConsentApplies(String kind) throws Exception {
        context = new TestContext(kind);
        Customer anna = receive("m-1", "Anna", new Identifier("phone", "+79161234567"));
        assertTrue(ProfileStore.permits(anna.consents(), "sms", ConsentPurpose.SERVICE), "a customer who wrote may be answered");
        assertTrue(!ProfileStore.permits(anna.consents(), "sms", ConsentPurpose.MARKETING), "marketing needs an opt-in");

        Customer optedIn = context.profiles.recordConsent(anna.id(), "sms", ConsentPurpose.MARKETING, true, "admin", "web form #7")
                .orElseThrow();
        assertTrue(ProfileStore.permits(optedIn.consents(), "sms", ConsentPurpose.MARKETING));
        assertTrue(!ProfileStore.permits(optedIn.consents(), "email", ConsentPurpose.MARKETING), "consent is per channel");

        Customer stopped = context.profiles.recordConsent(anna.id(), "*", ConsentPurpose.MARKETING, false, "sms/main", "STOP")
                .orElseThrow();
        assertTrue(!ProfileStore.permits(stopped.consents(), "sms", ConsentPurpose.MARKETING), "the later opt-out wins");
        assertEquals(2, stopped.consents().size());
        assertEquals("STOP", stopped.consents().stream().filter(c -> c.channel().equals("*")).findFirst().orElseThrow().evidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void unmergeGivesEachSideItsOwnProfileBackExactly(String kind) throws Exception {
        context = new TestContext(kind);
        Customer anna = receive("m-1", "Anna", new Identifier("email", "anna@example.com"));
        Customer phone = receive("m-2", "A. Petrova", new Identifier("phone", "+79161234567"));
        context.profiles.change(anna.id(), new ProfileChange(Map.of("city", "Kazan"), List.of("vip"), null, "email", "ru"), "admin");
        context.profiles.change(phone.id(), new ProfileChange(Map.of("plan", "gold"), List.of("b2b"), null, null, "en"), "crm");
        context.profiles.recordConsent(phone.id(), "sms", ConsentPurpose.SERVICE, false, "sms/main", "STOP");
        Customer annaBefore = context.directory.customer(anna.id()).orElseThrow();
        Customer phoneBefore = context.directory.customer(phone.id()).orElseThrow();

        MergeRecord merge = context.merges.merge(anna.id(), phone.id(), "admin", "same person");
        Customer merged = context.directory.customer(phone.id()).orElseThrow();
        assertEquals("Kazan", attribute(merged, "city"));
        assertEquals("gold", attribute(merged, "plan"));
        assertEquals(List.of("b2b", "vip"), merged.tags());
        assertEquals("ru", merged.preferredLanguage(), "the survivor's preference wins");
        assertTrue(!ProfileStore.permits(merged.consents(), "sms", ConsentPurpose.SERVICE), "an opt-out survives the merge");

        context.merges.unmerge(merge.id(), "admin");
        assertEquals(annaBefore, context.directory.customer(anna.id()).orElseThrow());
        assertEquals(phoneBefore, context.directory.customer(phone.id()).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void searchFindsByNameAttributeOrIdentifierAndTakesWildcardsLiterally(String kind) throws Exception {
        context = new TestContext(kind);
        Customer anna = receive("m-1", "Anna Petrova", new Identifier("email", "anna@example.com"));
        Customer boris = receive("m-2", "Boris", new Identifier("phone", "+79161234567"));
        context.profiles.change(boris.id(), new ProfileChange(Map.of("company", "Acme_Trading 100%"), null, null, null, null), "crm");

        assertEquals(List.of(anna.id()), ids(context.directory.search("petrOVA", 0, 10).items()));
        assertEquals(List.of(boris.id()), ids(context.directory.search("acme_trading", 0, 10).items()));
        assertEquals(List.of(boris.id()), ids(context.directory.search("916123", 0, 10).items()));
        assertEquals(List.of(anna.id()), ids(context.directory.search("@example", 0, 10).items()));
        assertEquals(List.of(), ids(context.directory.search("a%a", 0, 10).items()), "% is a character, not a wildcard");
        assertEquals(2, context.directory.search("a", 0, 1).total());
        assertEquals(1, context.directory.search("a", 0, 1).items().size());
    }

    private static List<String> ids(List<Customer> customers) {
        return customers.stream().map(Customer::id).toList();
    }
}
