package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.customer.Purpose;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.Consent;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.CustomerIdentifier;
import org.seamline.context.ReplyException;

/** What channels report about a customer through the SPI, on a real H2 and a real PostgreSQL. */
class CustomerSignalsTest {

    private static final Identifier ANNA = new Identifier("phone", "+79161234567");
    /** How an SMS provider writes the same number: the platform normalises it. */
    private static final Identifier ANNA_AS_WRITTEN = new Identifier("phone", "+7 916 123-45-67");
    private static final Identifier STRANGER = new Identifier("phone", "+79160000000");

    private TestContext context;
    private ReplyService replies;
    private CustomerSignalsService signals;
    private String conversation;

    private void setUp(String kind) throws Exception {
        context = new TestContext(kind);
        ChannelAdapters adapters = new ChannelAdapters();
        adapters.add(new DeliveryStatusTest.AcceptingChannel());
        replies = new ReplyService(context.database, context.inbox, adapters, context.publisher, context.attachments);
        signals = new CustomerSignalsService(context.database, context.profiles, adapters, TestConfiguration.defaults());
        context.inbox.insert(List.of(new InboundMessage("sms", "main", "SMin1", Party.of(null, ANNA),
                "START", null, null, null, null)));
        context.pending().processPending();
        conversation = context.conversations.conversations(null, null, null, 0, 50).items().get(0).id();
    }

    private List<Consent> consents() throws Exception {
        return context.directory.findByIdentifier("phone", ANNA.value()).orElseThrow().consents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anSmsStopWithdrawsMarketingWithItsEvidenceAndMarketingRepliesAreRefused(String kind) throws Exception {
        setUp(kind);
        assertTrue(signals.consent("sms", "main", ANNA_AS_WRITTEN, Purpose.MARKETING, true, "SMS START, MessageSid SMin1"));
        replies.reply(conversation, "20% off this week", List.of(), null, ConsentPurpose.MARKETING, null);

        assertTrue(signals.consent("sms", "main", ANNA_AS_WRITTEN, Purpose.MARKETING, false, "SMS STOP, MessageSid SMin2"));

        Consent stop = consents().stream().filter(c -> c.purpose() == ConsentPurpose.MARKETING).findFirst().orElseThrow();
        assertEquals(List.of("sms", false, "sms/main", "SMS STOP, MessageSid SMin2"),
                List.of(stop.channel(), stop.granted(), stop.source(), stop.evidence()));
        ReplyException refused = assertThrows(ReplyException.class,
                () -> replies.reply(conversation, "30% off", List.of(), null, ConsentPurpose.MARKETING, null));
        assertEquals(ReplyException.Kind.NO_CONSENT, refused.kind());
        replies.reply(conversation, "Your order has shipped", List.of(), null, ConsentPurpose.SERVICE, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anUnreachableNumberIsMarkedUndeliverableAndRepliesSkipIt(String kind) throws Exception {
        setUp(kind);
        assertTrue(signals.unreachable("sms", "main", ANNA_AS_WRITTEN, "landline"));

        CustomerIdentifier phone = context.directory.findByIdentifier("phone", ANNA.value()).orElseThrow().identifiers().get(0);
        assertFalse(phone.deliverable());
        assertEquals("landline", phone.undeliverableReason());
        assertThrows(ReplyException.class, () -> replies.reply(conversation, "Hello?", List.of(), null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aServiceWindowIsRecordedAndTheLatestReportIsReadBack(String kind) throws Exception {
        setUp(kind);
        assertEquals(Optional.empty(), signals.serviceWindowUntil("whatsapp", ANNA));
        Instant first = Instant.parse("2026-05-01T10:00:00Z");
        Instant later = Instant.parse("2026-05-02T09:30:00Z");

        assertTrue(signals.serviceWindow("whatsapp", "main", ANNA_AS_WRITTEN, first));
        assertTrue(signals.serviceWindow("whatsapp", "main", ANNA, later));

        assertEquals(Optional.of(later), signals.serviceWindowUntil("whatsapp", ANNA_AS_WRITTEN));
        assertEquals(Optional.empty(), signals.serviceWindowUntil("sms", ANNA), "each channel has its own window");
        String anna = context.directory.findByIdentifier("phone", ANNA.value()).orElseThrow().id();
        assertEquals(Map.of("whatsapp", later), context.privacy.export(anna).orElseThrow().get("serviceWindows"),
                "the person's export shows the window");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSignalForAnIdentifierNoCustomerHasRecordsNothing(String kind) throws Exception {
        setUp(kind);
        assertFalse(signals.consent("sms", "main", STRANGER, Purpose.MARKETING, false, "SMS STOP"));
        assertFalse(signals.unreachable("sms", "main", STRANGER, "landline"));
        assertFalse(signals.serviceWindow("whatsapp", "main", STRANGER, Instant.now()));
        assertEquals(Optional.empty(), signals.serviceWindowUntil("whatsapp", STRANGER));
        assertTrue(context.directory.findByIdentifier("phone", STRANGER.value()).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> signals.consent("*", "main", ANNA, Purpose.MARKETING, false, "a channel speaks only for itself"));
    }
}
