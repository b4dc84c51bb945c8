package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.MergeRecord;

/**
 * The processor remembers identities between transactions, yet every change to them (made here or by another
 * process on the same database) is seen by the next message; on a real H2 and PostgreSQL.
 */
class IdentityCacheTest {

    private static final Identifier ANNA_MAIL = new Identifier("email", "anna@example.com");
    private static final Identifier ANNA_PHONE = new Identifier("phone", "+79161234567");

    private TestContext context;
    private PendingMessages pending;

    private void setUp(String kind) throws Exception {
        context = new TestContext(kind);
        pending = context.pending();
    }

    /** Processes one message; answers the customer whose timeline got it. */
    private String receive(String id, Identifier from) throws Exception {
        context.inbox.insert(List.of(new InboundMessage("email", "main", id, Party.of(null, from), "text " + id,
                null, null, null, null)));
        pending.processPending();
        return context.directory.findByIdentifier(from.type(), from.value()).orElseThrow().id();
    }

    private List<String> timelineTexts(String customerId) throws Exception {
        return context.conversations.timeline(customerId, 0, 100).items().stream()
                .filter(e -> e.kind().equals("message")).map(e -> e.text()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aMergeAndItsUndoingAreSeenByTheNextMessage(String kind) throws Exception {
        setUp(kind);
        String mail = receive("m-1", ANNA_MAIL);
        String phone = receive("m-2", ANNA_PHONE);
        receive("m-3", ANNA_PHONE); // now remembered: the phone is the phone customer's, who stands for itself
        assertNotEquals(mail, phone);

        MergeRecord merge = context.merges.merge(mail, phone, "agent", "same person");
        receive("m-4", ANNA_PHONE);
        assertEquals(List.of("text m-1", "text m-2", "text m-3", "text m-4"), timelineTexts(mail));
        assertEquals(1, context.conversations.conversations(mail, null, null, 0, 50).items().size(), "one conversation after the merge");

        context.merges.unmerge(merge.id(), "agent");
        receive("m-5", ANNA_PHONE);
        assertEquals(List.of("text m-2", "text m-3", "text m-5"), timelineTexts(phone),
                "after unmerge the phone's new messages are the phone customer's again");
        assertEquals(List.of("text m-1", "text m-4"), timelineTexts(mail), "what came in while merged stays where it went");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aNameAnAgentRemovedIsGivenAgainByTheNextNamedMessage(String kind) throws Exception {
        setUp(kind);
        String anna = receiveNamed("m-1", "Anna");
        receiveNamed("m-2", "Anna"); // remembered as named now
        java.util.Map<String, String> removeName = new java.util.HashMap<>();
        removeName.put("name", null);
        context.profiles.change(anna, new org.seamline.context.ProfileChange(removeName, List.of(), List.of(), null, null), "agent");

        receiveNamed("m-3", "Anna Petrova");

        assertEquals(List.of("Anna Petrova"), context.directory.customer(anna).orElseThrow().attributes().stream()
                .filter(a -> a.name().equals("name")).map(a -> a.value()).toList());
    }

    private String receiveNamed(String id, String name) throws Exception {
        context.inbox.insert(List.of(new InboundMessage("email", "main", id, new Party(name, List.of(ANNA_MAIL)), "text " + id,
                null, null, null, null)));
        pending.processPending();
        return context.directory.findByIdentifier(ANNA_MAIL.type(), ANNA_MAIL.value()).orElseThrow().id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void afterErasureTheSameAddressIsANewCustomer(String kind) throws Exception {
        setUp(kind);
        String erased = receive("m-1", ANNA_MAIL);
        receive("m-2", ANNA_MAIL);
        context.privacy.erase(erased, "admin").orElseThrow();

        String again = receive("m-3", ANNA_MAIL);

        assertNotEquals(erased, again);
        assertEquals(List.of("text m-3"), timelineTexts(again));
        assertTrue(context.inbox.pending(10).isEmpty(), "nothing stuck on a customer that is gone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void whatATransactionReadIsForgottenWhenIdentitiesChangedBeforeItCommitted(String kind) throws Exception {
        setUp(kind);
        String anna = receive("m-1", ANNA_MAIL);
        IdentityCache cache = new IdentityCache(100);
        CustomerStore store = new CustomerStore();

        IdentityCache.View early = context.database.read(c -> cache.open(c));
        context.database.read(c -> early.ownership(c, store, ANNA_MAIL));
        context.database.inTransaction(c -> {
            IdentityCache.bump(c); // another process changed an identity meanwhile
            return null;
        });
        early.remember();
        context.database.read(c -> cache.open(c));
        assertEquals(0, cache.size(), "the next transaction drops what was read before the change");

        IdentityCache.View late = context.database.read(c -> cache.open(c));
        assertEquals(Optional.of(anna), context.database.read(c -> late.ownership(c, store, ANNA_MAIL))
                .map(CustomerStore.Owner::customerId));
        late.remember();
        assertEquals(1, cache.size());
        IdentityCache.View next = context.database.read(c -> cache.open(c));
        assertEquals(Optional.of(anna), next.ownership(null, store, ANNA_MAIL).map(CustomerStore.Owner::customerId),
                "answered from memory: no connection needed");
    }
}
