package org.seamline.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which approved template version a reply goes out as. */
class TemplatesTest {

    private static final String EN = "HX" + "e".repeat(32);
    private static final String RU = "HX" + "d".repeat(32);
    private static final String PT_BR = "HX" + "b".repeat(32);

    /** As a .cfg file gives it: one string. */
    private final Templates templates = Templates.parse(new String[] {
        "order_update:en=" + EN + ", order_update:ru=" + RU + ", order_update:pt_BR=" + PT_BR}, "en");

    @Test
    void theCustomersLanguagePicksTheVersion() {
        assertEquals(Optional.of(RU), templates.contentSid("order_update", "ru"));
        assertEquals(Optional.of(PT_BR), templates.contentSid("order_update", "pt-BR"), "WhatsApp's pt_BR is pt-BR");
        assertEquals(Optional.of(RU), templates.contentSid("order_update", "ru-RU"), "a region falls back to its language");
    }

    @Test
    void withoutAVersionInTheirLanguageTheDefaultLanguageIsUsed() {
        assertEquals(Optional.of(EN), templates.contentSid("order_update", "de"));
        assertEquals(Optional.of(EN), templates.contentSid("order_update", null));
        Templates russianFirst = Templates.parse(new String[] {"order_update:ru=" + RU}, "ru");
        assertEquals(Optional.of(RU), russianFirst.contentSid("order_update", "de"));
        assertEquals(Optional.empty(), Templates.parse(new String[] {"order_update:ru=" + RU}, "en")
                .contentSid("order_update", "de"), "neither language: no version to send");
    }

    @Test
    void anUnknownTemplateHasNoVersion() {
        assertEquals(Optional.empty(), templates.contentSid("welcome", "en"));
    }

    @Test
    void aMistypedEntryIsRefusedWhenConfigured() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Templates.parse(new String[] {"order_update=" + EN}, "en"));
        assertEquals("templates: 'order_update=" + EN + "' is not name:language=HX<32 hex digits>", wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Templates.parse(new String[] {"order_update:en=HX12"}, "en"));
        assertThrows(IllegalArgumentException.class, () -> Templates.parse(new String[0], " "));
    }
}
