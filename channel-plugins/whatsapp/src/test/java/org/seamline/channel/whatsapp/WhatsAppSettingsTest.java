package org.seamline.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The forms the {@code from} setting accepts. */
class WhatsAppSettingsTest {

    @Test
    void aNumberIsSentFromAsAWhatsAppAddress() {
        assertEquals("whatsapp:+14155550199", WhatsAppSettings.sender("+14155550199"));
        assertEquals("whatsapp:+14155550199", WhatsAppSettings.sender(" whatsapp:+14155550199 "));
        assertEquals("whatsapp:+14155550199", WhatsAppSettings.sender("WhatsApp:+14155550199"));
    }

    @Test
    void aMessagingServiceIsUsedAsItIs() {
        String service = "MG" + "a".repeat(32);
        assertEquals(service, WhatsAppSettings.sender(service));
    }

    @Test
    void anythingElseIsRefused() {
        for (String wrong : new String[] {"", "14155550199", "whatsapp:", "sms:+14155550199", "MG123"}) {
            assertThrows(IllegalArgumentException.class, () -> WhatsAppSettings.sender(wrong), wrong);
        }
    }
}
