package org.seamline.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;

/** Twilio's inbound WhatsApp webhooks (channel-protocols.md §A.3) as the platform's messages. */
class WhatsAppInboundTest {

    private static final Instant RECEIVED = Instant.parse("2026-05-01T10:00:00Z");

    private static Map<String, String> hook(String... pairs) {
        Map<String, String> params = new HashMap<>(Map.of("MessageSid", "SM" + "0".repeat(32),
                "To", "whatsapp:+14155550199", "NumMedia", "0", "SmsStatus", "received"));
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private static InboundMessage message(Map<String, String> params) {
        return WhatsAppInbound.message("main", params, List.of(), List.of(), RECEIVED);
    }

    @Test
    void aNumberIsTheWhatsAppAndThePhoneIdentifierAndTheProfileNameNamesTheSender() {
        InboundMessage message = message(hook("From", "whatsapp:+5511987654321", "WaId", "5511987654321",
                "ProfileName", "Ana", "Body", "Where is my order?"));

        assertEquals(List.of(new Identifier("whatsapp", "+5511987654321"), new Identifier("phone", "+5511987654321")),
                message.from().identifiers());
        assertEquals("Ana", message.from().name());
        assertEquals("Where is my order?", message.text());
        assertEquals("SM" + "0".repeat(32), message.providerMessageId());
        assertEquals(List.of("whatsapp", "main"), List.of(message.channel(), message.instance()));
    }

    @Test
    void everyMessageOpensTheServiceWindowFor24Hours() {
        InboundMessage message = message(hook("From", "whatsapp:+5511987654321", "Body", "hi"));
        assertEquals("2026-05-02T10:00:00Z", message.metadata().get(MessageMetadata.SERVICE_WINDOW_UNTIL));
    }

    @Test
    void aUserWithoutANumberIsKnownByTheirBusinessScopedUserId() {
        InboundMessage hidden = message(hook("From", "whatsapp:US.13491208655302741918", "Body", "hi"));
        assertEquals(List.of(new Identifier("whatsappUserId", "US.13491208655302741918")), hidden.from().identifiers());

        InboundMessage both = message(hook("From", "whatsapp:+5511987654321", "ExternalUserId", "whatsapp:ID.1234567890"));
        assertEquals(new Identifier("whatsappUserId", "ID.1234567890"), both.from().identifiers().get(2),
                "the user id joins the number, so the user is one customer when the number disappears");
    }

    @Test
    void whenFromHoldsNoNumberTheWaIdDigitsAreTheNumber() {
        InboundMessage message = message(hook("From", "whatsapp:US.13491208655302741918", "WaId", "5511987654321"));
        assertEquals(new Identifier("whatsapp", "+5511987654321"), message.from().identifiers().get(0));
    }

    @Test
    void aWebhookNamingNobodyOrNoMessageCanNeverBeStored() {
        assertThrows(IllegalArgumentException.class, () -> message(hook("From", "whatsapp:")));
        Map<String, String> noSid = hook("From", "whatsapp:+5511987654321");
        noSid.remove("MessageSid");
        assertThrows(IllegalArgumentException.class, () -> message(noSid));
    }

    @Test
    void aQuotedReplyReferencesTheQuotedMessageAndAButtonTapIsKept() {
        InboundMessage message = message(hook("From", "whatsapp:+5511987654321", "Body", "Yes, confirm",
                "ButtonText", "Yes, confirm", "ButtonPayload", "confirm_booking_123", "MessageType", "interactive",
                "OriginalRepliedMessageSid", "SM" + "1".repeat(32)));

        assertEquals("SM" + "1".repeat(32), message.metadata().get(MessageMetadata.REFERENCES));
        assertEquals("confirm_booking_123", message.metadata().get("buttonPayload"));
        assertEquals("Yes, confirm", message.metadata().get("buttonText"));
        assertEquals("interactive", message.metadata().get("messageType"));
    }

    @Test
    void aSharedLocationIsMetadataAndSaysWhereWhenThereIsNoText() {
        InboundMessage message = message(hook("From", "whatsapp:+5511987654321", "Latitude", "52.52",
                "Longitude", "13.405", "Label", "Office", "Address", "Unter den Linden 1"));

        assertEquals("52.52,13.405", message.metadata().get("location"));
        assertEquals("Office", message.metadata().get("locationLabel"));
        assertEquals("Shared a location: Office, Unter den Linden 1, 52.52,13.405", message.text());
    }

    @Test
    void theProfileNameIsUntrustedTextAndFilesLeftOutAreNamed() {
        InboundMessage message = WhatsAppInbound.message("main", hook("From", "whatsapp:+5511987654321",
                "ProfileName", "An\u202Ea\u0007", "Body", "see photo"), List.of(), List.of("file 1: media is too large"), RECEIVED);

        assertEquals("Ana", message.from().name(), "no bidi overrides or control characters");
        assertEquals("see photo\n[not stored: file 1: media is too large]", message.text());
        assertNull(message(hook("From", "whatsapp:+5511987654321", "ProfileName", "\u200B")).from().name());
        assertFalse(message(hook("From", "whatsapp:+5511987654321")).metadata().containsKey(MessageMetadata.REFERENCES));
    }
}
