package org.seamline.channel.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TwilioAccountTest {

    private static final String SID = "AC" + "0123456789abcdef".repeat(2);

    @Test
    void settingsAreCheckedAndSecretsNeverShown() {
        TwilioAccount account = TwilioAccount.of(SID, "token-secret", null, " ", "http://127.0.0.1:9/");
        assertEquals("http://127.0.0.1:9", account.apiBaseUrl().toString());
        assertFalse(account.toString().contains("token-secret"));
        assertEquals(TwilioAccount.TWILIO_API, TwilioAccount.of(SID, "t", "", "", "").apiBaseUrl());
        assertThrows(IllegalArgumentException.class, () -> TwilioAccount.of("AC123", "t", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> TwilioAccount.of(SID, " ", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> TwilioAccount.of(SID, "t", "SK" + "0".repeat(32), null, null));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> TwilioAccount.of(SID, "t", null, null, "ftp://x?secret=1"));
        assertFalse(wrong.getMessage().contains("secret=1"));
        IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
                () -> TwilioAccount.of(SID, "$[env:TWILIO_TOKEN_NOT_SET]", null, null, null));
        assertFalse(unset.getMessage().contains("TWILIO_TOKEN_NOT_SET"), "an unset placeholder is never the token");
    }

    @Test
    void anApiKeyReplacesTheTokenForRestCallsOnly() {
        String key = "SK" + "f".repeat(32);
        TwilioAccount account = TwilioAccount.of(SID, "webhook-token", key, "key-secret", null);
        assertEquals(key, account.restUser());
        assertEquals("key-secret", account.restPassword());
        assertEquals("webhook-token", account.authToken());
    }

    @Test
    void thePublicBaseUrlIsAbsoluteAndEndsWithoutASlash() {
        assertEquals("https://hooks.example.com/seamline/hooks/sms/a/status?m=1",
                PublicBaseUrl.of("https://hooks.example.com/seamline/").resolve("/hooks/sms/a/status?m=1"));
        assertThrows(IllegalArgumentException.class, () -> PublicBaseUrl.of("hooks.example.com"));
        assertThrows(IllegalArgumentException.class, () -> PublicBaseUrl.of("https://x.example/?a=b"));
        assertThrows(IllegalArgumentException.class, () -> PublicBaseUrl.of(null));
    }
}
