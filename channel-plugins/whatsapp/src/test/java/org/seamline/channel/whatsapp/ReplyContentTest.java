package org.seamline.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.seamline.api.channel.SendException;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;

/** Free text inside the customer-service window, a template outside, and never a message sent only to fail. */
class ReplyContentTest {

    private static final Instant NOW = Instant.parse("2026-05-02T09:00:00Z");
    private static final String EN = "HX" + "e".repeat(32);
    private static final String RU = "HX" + "d".repeat(32);
    private static final Templates TEMPLATES = Templates.parse(new String[] {"order_update:en=" + EN, "order_update:ru=" + RU}, "en");

    private static OutboundMessage reply(String... metadata) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < metadata.length; i += 2) {
            map.put(metadata[i], metadata[i + 1]);
        }
        return new OutboundMessage("m-1", "k-1", "whatsapp", "main", Party.of("Ana", new Identifier("whatsapp", "+5511987654321")),
                "Your order ships today", List.of(), "c-1", map);
    }

    @Test
    void insideTheWindowTheTextGoesOutEvenWhenATemplateIsNamed() throws Exception {
        ReplyContent content = ReplyContent.of(reply(MessageMetadata.TEMPLATE, "order_update"),
                Optional.of(NOW.plus(Duration.ofHours(3))), NOW, TEMPLATES);
        assertEquals(new ReplyContent("Your order ships today", null, null), content);
    }

    @Test
    void outsideTheWindowTheTemplateGoesOutInTheCustomersLanguageWithoutABody() throws Exception {
        ReplyContent content = ReplyContent.of(reply(MessageMetadata.TEMPLATE, "order_update",
                MessageMetadata.TEMPLATE_VARIABLES, "{\"1\":\"Ana\"}", MessageMetadata.LANGUAGE, "ru"),
                Optional.of(NOW.minusSeconds(1)), NOW, TEMPLATES);
        assertEquals(new ReplyContent(null, RU, "{\"1\":\"Ana\"}"), content);
    }

    @Test
    void anUnknownWindowCountsAsClosed() throws Exception {
        assertEquals(EN, ReplyContent.of(reply(MessageMetadata.TEMPLATE, "order_update"), Optional.empty(), NOW, TEMPLATES)
                .contentSid());
    }

    @Test
    void aWindowAboutToCloseCountsAsClosed() throws Exception {
        Optional<Instant> closingNow = Optional.of(NOW.plus(ReplyContent.MARGIN).minusSeconds(1));
        assertEquals(EN, ReplyContent.of(reply(MessageMetadata.TEMPLATE, "order_update"), closingNow, NOW, TEMPLATES).contentSid());
    }

    @Test
    void outsideTheWindowWithoutAUsableTemplateNothingIsSentAndTheOutboxDoesNotRetry() {
        SendException none = assertThrows(SendException.class,
                () -> ReplyContent.of(reply(), Optional.of(NOW.minusSeconds(60)), NOW, TEMPLATES));
        assertFalse(none.isRetryable());
        assertEquals("the customer's WhatsApp service window is closed and the reply names no template: "
                + "WhatsApp would refuse free text (63016)", none.getMessage());

        SendException unknown = assertThrows(SendException.class,
                () -> ReplyContent.of(reply(MessageMetadata.TEMPLATE, "welcome"), Optional.empty(), NOW, TEMPLATES));
        assertFalse(unknown.isRetryable());
        assertEquals("template 'welcome' is not configured on this instance (setting 'templates')", unknown.getMessage());
    }
}
