package org.seamline.crm.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.api.health.Health;

/**
 * The behaviour every CRM connector owes the platform, checked through the SPI only. A connector's test extends this
 * class and answers a fresh {@link CrmFixture} from {@link #fixture()}; each test gets its own and closes it.
 * Abilities the connector or its CRM lacks (webhooks, rate limits, tokens, a segment field) are skipped, not failed:
 * the fixture says what it can do.
 */
public abstract class CrmConnectorContract {

    /** Moscow mobile numbers, the first one written in a local format the platform never sends. */
    private static final String PHONE_E164 = "+79161234567";
    private static final String PHONE_AS_STORED = "+7 (916) 123-45-67";
    private static final String OTHER_PHONE = "+79035550199";

    private CrmFixture fixture;
    private CrmConnector connector;

    /** A connector configured against a CRM that starts empty; called once per test. */
    protected abstract CrmFixture fixture() throws Exception;

    @BeforeEach
    void openFixture() throws Exception {
        fixture = fixture();
        connector = fixture.connector();
    }

    @AfterEach
    void closeFixture() throws Exception {
        fixture.close();
    }

    @Test
    void reportsItselfUp() {
        Health health = connector.health();
        assertEquals(Health.State.UP, health.state(), () -> "health: " + health);
        assertNotNull(connector.crm());
        assertNotNull(connector.instance());
        assertTrue(connector.requestsPerSecond() > 0, "the platform paces its calls by requestsPerSecond()");
    }

    @Test
    void findsAContactByEmail() throws Exception {
        String id = fixture.createContact("Anna Berg", List.of("anna.berg@example.com"), List.of(), null, List.of());
        fixture.createContact("Somebody Else", List.of("else@example.com"), List.of(), null, List.of());

        List<CrmContact> found = connector.findByEmail("anna.berg@example.com");

        assertEquals(List.of(id), ids(found));
        assertEquals("Anna Berg", found.get(0).name());
        assertTrue(lowerCased(found.get(0).emails()).contains("anna.berg@example.com"), () -> "emails " + found.get(0).emails());
    }

    @Test
    void findsAnEmailStoredWithCapitals() throws Exception {
        // The platform lower-cases what it asks for; people type addresses into CRMs as they please.
        String id = fixture.createContact("Anna Berg", List.of("Anna.Berg@Example.com"), List.of(), null, List.of());

        assertEquals(List.of(id), ids(connector.findByEmail("anna.berg@example.com")));
    }

    @Test
    void answersNothingForAnUnknownEmail() throws Exception {
        fixture.createContact("Anna Berg", List.of("anna.berg@example.com"), List.of(), null, List.of());

        assertEquals(List.of(), connector.findByEmail("nobody@example.com"));
    }

    @Test
    void answersEveryDuplicateOfAnEmail() throws Exception {
        String first = fixture.createContact("Anna Berg", List.of("anna@example.com"), List.of(), null, List.of());
        String second = fixture.createContact("Anna B.", List.of("anna@example.com"), List.of(), null, List.of());

        assertEquals(Set.of(first, second), new HashSet<>(ids(connector.findByEmail("anna@example.com"))));
    }

    @Test
    void findsAPhoneStoredInAnotherFormat() throws Exception {
        String id = fixture.createContact("Ivan Petrov", List.of(), List.of(PHONE_AS_STORED), null, List.of());
        fixture.createContact("Somebody Else", List.of(), List.of(OTHER_PHONE), null, List.of());

        List<CrmContact> found = connector.findByPhone(PHONE_E164);

        assertEquals(List.of(id), ids(found));
        assertTrue(found.get(0).phones().contains(PHONE_E164), () -> "phones in E.164: " + found.get(0).phones());
    }

    @Test
    void answersNothingForAnUnknownPhone() throws Exception {
        fixture.createContact("Ivan Petrov", List.of(), List.of(PHONE_AS_STORED), null, List.of());

        assertEquals(List.of(), connector.findByPhone("+79260000000"));
    }

    @Test
    void answersNoProfileForAnUnknownContact() throws Exception {
        assertTrue(connector.profile("999999999").isEmpty());
    }

    @Test
    void upsertCreatesAContactThenUpdatesIt() throws Exception {
        CrmContact created = connector.upsert(new ContactDraft(null, "Lena Fischer", List.of("lena@example.com"),
                List.of(PHONE_E164)));

        assertNotNull(created.id());
        assertEquals(List.of(created.id()), ids(connector.findByEmail("lena@example.com")));
        assertEquals(List.of(created.id()), ids(connector.findByPhone(PHONE_E164)));

        CrmContact updated = connector.upsert(new ContactDraft(created.id(), "Lena Fischer-Wolf", List.of(), List.of()));

        assertEquals(created.id(), updated.id());
        CrmContact read = connector.profile(created.id()).orElseThrow();
        assertEquals("Lena Fischer-Wolf", read.name());
        assertTrue(lowerCased(read.emails()).contains("lena@example.com"), "an update without emails keeps them");
        assertTrue(read.phones().contains(PHONE_E164), "an update without phones keeps them");
    }

    @Test
    void upsertAddsAnEmailToAnExistingContact() throws Exception {
        String id = fixture.createContact("Lena Fischer", List.of("lena@example.com"), List.of(), null, List.of());

        connector.upsert(new ContactDraft(id, null, List.of("lena@work.example"), List.of()));

        assertEquals(List.of(id), ids(connector.findByEmail("lena@work.example")));
        assertEquals(List.of(id), ids(connector.findByEmail("lena@example.com")));
    }

    @Test
    void upsertOfAnExistingEmailAnswersTheExistingContact() throws Exception {
        String existing = fixture.createContact("Lena Fischer", List.of("lena@example.com"), List.of(), null, List.of());

        CrmContact answered = connector.upsert(new ContactDraft(null, "Lena F.", List.of("lena@example.com"), List.of()));

        assertEquals(existing, answered.id());
        assertEquals(List.of(existing), ids(connector.findByEmail("lena@example.com")), "no duplicate was created");
    }

    @Test
    void logsEachKindOfInteractionOnceHoweverOftenItIsRetried() throws Exception {
        String id = fixture.createContact("Lena Fischer", List.of("lena@example.com"), List.of(), null, List.of());
        List<String> interactionIds = new ArrayList<>();
        for (Activity.Kind kind : Activity.Kind.values()) {
            String interactionId = "msg-" + kind.name().toLowerCase() + "-1";
            interactionIds.add(interactionId);
            Activity activity = new Activity(interactionId, id, kind, Activity.Direction.INBOUND,
                    Instant.parse("2026-05-01T10:15:30Z"), "About my order", "Where is order 42? (" + kind + ")", null);

            String first = connector.log(activity);
            String again = connector.log(activity);

            assertNotNull(first, kind + " answered no record id");
            assertEquals(first, again, kind + ": a retry answers the first record");
        }

        List<String> logged = fixture.loggedInteractions(id);
        Collections.sort(logged);
        Collections.sort(interactionIds);
        assertEquals(interactionIds, logged, "one record per interaction");
    }

    @Test
    void logsAnAgentsReply() throws Exception {
        String id = fixture.createContact("Lena Fischer", List.of("lena@example.com"), List.of(), null, List.of());

        connector.log(new Activity("reply-7", id, Activity.Kind.EMAIL, Activity.Direction.OUTBOUND, Instant.now(),
                "Re: About my order", "It ships today.", "olga"));

        assertEquals(List.of("reply-7"), fixture.loggedInteractions(id));
    }

    @Test
    void mapsOwnerAndTagsIntoTheProfile() throws Exception {
        String id = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(PHONE_AS_STORED), "olga",
                List.of("vip", "wholesale"));

        CrmContact profile = connector.profile(id).orElseThrow();

        assertEquals(id, profile.id());
        assertEquals("Ivan Petrov", profile.name());
        assertEquals("olga", profile.owner());
        assertEquals(Set.of("vip", "wholesale"), new HashSet<>(profile.tags()));
        assertTrue(profile.phones().contains(PHONE_E164), () -> "phones " + profile.phones());
        assertTrue(lowerCased(profile.emails()).contains("ivan@example.com"), () -> "emails " + profile.emails());
    }

    @Test
    void mapsTheSegment() throws Exception {
        String id = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), null, List.of());
        assumeTrue(fixture.setSegment(id, "gold"), "the CRM has no segment field");

        assertEquals("gold", connector.profile(id).orElseThrow().segment());
    }

    @Test
    void mapsTheCompany() throws Exception {
        String id = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), null, List.of());
        assumeTrue(fixture.setCompany(id, "Acme Trading"), "the CRM has no company field");

        assertEquals("Acme Trading", connector.profile(id).orElseThrow().company());
    }

    @Test
    void aChangeMadeInTheCrmReachesThePollingConnector() throws Exception {
        assumeTrue(connector instanceof CrmChangePolling, "the connector does not poll");
        CrmChangePolling polling = (CrmChangePolling) connector;
        String id = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), "olga", List.of());
        CrmChangePolling.Page start = polling.changesSince(null, 50);
        assertEquals(List.of(), start.changes(), "a poll without a cursor starts from now");
        assertNotNull(start.cursor());

        fixture.changeContact(id, "pavel", List.of("vip"));
        CrmChangePolling.Page page = polling.changesSince(start.cursor(), 50);

        assertTrue(page.changes().stream().anyMatch(c -> c.contactId().equals(id)), () -> "changes " + page.changes());
        CrmContact profile = connector.profile(id).orElseThrow();
        assertEquals("pavel", profile.owner());
        assertEquals(List.of("vip"), profile.tags());
        assertTrue(polling.pollInterval().toMillis() > 0);
        assertTrue(becomesQuiet(polling, page.cursor()), "a change may be handed over twice, not in every poll");
    }

    @Test
    void pollingPagesThroughEveryChange() throws Exception {
        assumeTrue(connector instanceof CrmChangePolling, "the connector does not poll");
        CrmChangePolling polling = (CrmChangePolling) connector;
        String cursor = polling.changesSince(null, 50).cursor();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(fixture.createContact("Customer " + i, List.of("c" + i + "@example.com"), List.of(), null, List.of()));
        }

        Set<String> seen = new HashSet<>();
        for (int polls = 0; polls < 10 && !seen.containsAll(created); polls++) {
            CrmChangePolling.Page page = polling.changesSince(cursor, 2);
            assertTrue(page.changes().size() <= 2, "a page holds at most the limit");
            page.changes().forEach(c -> seen.add(c.contactId()));
            cursor = page.cursor();
        }
        assertTrue(seen.containsAll(created), () -> "created " + created + ", seen " + seen);
    }

    @Test
    void aSignedNotificationReportsTheChange() throws Exception {
        CrmFixture.Webhooks hooks = webhooks();
        String id = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), "olga", List.of());
        fixture.changeContact(id, "pavel", List.of());

        List<CrmChange> changes = ((CrmWebhooks) connector).receive(hooks.changeOf(id));

        assertEquals(List.of(id), changes.stream().map(CrmChange::contactId).distinct().toList());
    }

    @Test
    void aForgedNotificationIsRefused() throws Exception {
        CrmFixture.Webhooks hooks = webhooks();
        String id = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), "olga", List.of());

        CrmException refused = assertThrows(CrmException.class, () -> ((CrmWebhooks) connector).receive(hooks.forged(id)));

        assertEquals(CrmException.Kind.AUTH_INVALID, refused.kind());
    }

    @Test
    void aReplayedNotificationIsRefused() throws Exception {
        CrmFixture.Webhooks hooks = webhooks();
        String id = fixture.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), "olga", List.of());
        var replay = hooks.replayed(id);
        assumeTrue(replay.isPresent(), "the CRM's scheme cannot tell a replay; the platform drops repeats by event id");

        CrmException refused = assertThrows(CrmException.class, () -> ((CrmWebhooks) connector).receive(replay.get()));

        assertEquals(CrmException.Kind.AUTH_INVALID, refused.kind());
    }

    @Test
    void aRateLimitSaysWhenToComeBackAndTheNextCallSucceeds() throws Exception {
        String id = fixture.createContact("Anna Berg", List.of("anna@example.com"), List.of(), null, List.of());
        assumeTrue(fixture.rateLimitNext(1), "the CRM has no rate limit");

        CrmException limited = assertThrows(CrmException.class, () -> connector.findByEmail("anna@example.com"));

        assertEquals(CrmException.Kind.RATE_LIMITED, limited.kind());
        assertTrue(limited.retryAfter().isPresent(), "RATE_LIMITED carries retryAfter");
        assertTrue(limited.retryable());
        assertEquals(List.of(id), ids(connector.findByEmail("anna@example.com")));
    }

    @Test
    void anOutageIsTransientAndTheNextCallSucceeds() throws Exception {
        String id = fixture.createContact("Anna Berg", List.of("anna@example.com"), List.of(), null, List.of());
        assumeTrue(fixture.failNext(1), "the fixture cannot make the CRM fail");

        CrmException down = assertThrows(CrmException.class, () -> connector.findByEmail("anna@example.com"));

        assertEquals(CrmException.Kind.TRANSIENT, down.kind());
        assertTrue(down.retryable());
        assertEquals(List.of(id), ids(connector.findByEmail("anna@example.com")));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnce() throws Exception {
        assumeTrue(fixture.tokens().isPresent(), "the CRM uses no expiring tokens");
        CrmFixture.Tokens tokens = fixture.tokens().get();
        String id = fixture.createContact("Anna Berg", List.of("anna@example.com"), List.of(), null, List.of());
        int before = tokens.refreshes();

        tokens.expireAccessToken();

        assertEquals(List.of(id), ids(connector.findByEmail("anna@example.com")));
        assertEquals(before + 1, tokens.refreshes(), "one refresh, then the call went through");
    }

    private CrmFixture.Webhooks webhooks() {
        assumeTrue(connector instanceof CrmWebhooks, "the connector takes no webhooks");
        assumeTrue(fixture.webhooks().isPresent(), "the fixture sends no webhooks");
        return fixture.webhooks().get();
    }

    /** Whether one of the next few polls from {@code cursor}, nothing changing meanwhile, answers no changes. */
    private static boolean becomesQuiet(CrmChangePolling polling, String cursor) throws CrmException {
        for (int i = 0; i < 3; i++) {
            CrmChangePolling.Page page = polling.changesSince(cursor, 50);
            if (page.changes().isEmpty()) {
                return true;
            }
            cursor = page.cursor();
        }
        return false;
    }

    private static List<String> ids(List<CrmContact> contacts) {
        return contacts.stream().map(CrmContact::id).toList();
    }

    private static Set<String> lowerCased(List<String> values) {
        return values.stream().map(String::toLowerCase).collect(Collectors.toSet());
    }
}
