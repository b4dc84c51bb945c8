package org.seamline.crm.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A configuration is checked before the first call; errors and toString never show a secret. */
class SettingsTest {

    private static final String SECRET = "client-secret-value-xyz";
    private static final String CODE = "def50200-authorization-code";

    private static TestConfiguration oauth() {
        TestConfiguration config = new TestConfiguration("https://shop.amocrm.ru");
        config.clientId = "3f2a9c1e-client";
        config.clientSecret = SECRET;
        config.redirectUri = "https://seamline.example/oauth/amocrm";
        config.authorizationCode = CODE;
        config.webhookSecret = "0123456789abcdefABCDEF-_xyz";
        return config;
    }

    private static String refused(Consumer<TestConfiguration> change) {
        TestConfiguration config = oauth();
        change.accept(config);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::settings);
        assertFalse(e.getMessage().contains(SECRET) || e.getMessage().contains(CODE), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anOAuthConfigurationIsAcceptedAndShowsNoSecret() {
        AmoCrmSettings settings = oauth().settings();

        assertEquals("shop", settings.subdomain());
        assertEquals(AuthSeed.Kind.AUTHORIZATION_CODE, settings.seed().kind());
        assertEquals(7.0, settings.requestsPerSecond());
        String shown = settings.toString();
        assertFalse(shown.contains(SECRET) || shown.contains(CODE) || shown.contains("0123456789abcdef"), shown);
        assertTrue(shown.contains("shop.amocrm.ru"));
    }

    @Test
    void aKommoAccountAndALongLivedTokenWithoutOAuthSettings() {
        TestConfiguration config = new TestConfiguration("https://acme.kommo.com/");
        config.longLivedToken = "eyJ0eXAiOiJKV1Qi-long-lived";

        AmoCrmSettings settings = config.settings();

        assertEquals("acme", settings.subdomain());
        assertTrue(settings.longLived());
        assertFalse(settings.toString().contains("eyJ0eXAi"));
    }

    @Test
    void theAccountUrlMustBeHttpsWithoutAPath() {
        refused(c -> c.accountUrl = "http://shop.amocrm.ru");
        refused(c -> c.accountUrl = "https://shop.amocrm.ru/api/v4");
        refused(c -> c.accountUrl = "https://user:pw@shop.amocrm.ru");
        refused(c -> c.accountUrl = "");
    }

    @Test
    void oauthNeedsItsClientAndOneCredentialAtMost() {
        assertTrue(refused(c -> c.clientId = "").contains("clientId"));
        assertTrue(refused(c -> c.clientSecret = "$[env:AMOCRM_SECRET]").contains("not set"));
        assertTrue(refused(c -> c.redirectUri = "").contains("redirectUri"));
        assertTrue(refused(c -> c.refreshToken = "another").contains("only one"));
    }

    @Test
    void webhookSecretRateRegionAndFieldAreChecked() {
        assertTrue(refused(c -> c.webhookSecret = "short").contains("webhookSecret"));
        assertTrue(refused(c -> c.webhookSecret = "has/a/slash/0123456789abcdef").contains("webhookSecret"));
        assertTrue(refused(c -> c.requestsPerSecond = 8).contains("at most 7"));
        assertTrue(refused(c -> c.requestsPerSecond = 0).contains("requestsPerSecond"));
        assertTrue(refused(c -> c.defaultRegion = "Russia").contains("defaultRegion"));
        assertTrue(refused(c -> c.segmentField = "1; DROP").contains("segmentField"));
        assertTrue(refused(c -> c.subdomain = "Not A Subdomain").contains("subdomain"));
        assertTrue(refused(c -> c.pollIntervalSeconds = -1).contains("pollIntervalSeconds"));
    }

    @Test
    void noCredentialIsAcceptedWhenTheVaultHoldsThePair() {
        TestConfiguration config = oauth();
        config.authorizationCode = "";

        assertEquals(AuthSeed.Kind.NONE, config.settings().seed().kind());
    }

    @Test
    void theKeyFileNeedsAHomeOrASetting() {
        AmoCrmSettings settings = oauth().settings();
        assertThrows(IllegalArgumentException.class, () -> AmoCrmPlugin.keyFile(settings, null));
        TestConfiguration config = oauth();
        config.keyFile = "/srv/keys/amocrm.key";
        assertEquals("/srv/keys/amocrm.key", AmoCrmPlugin.keyFile(config.settings(), "/opt/seamline").toString());
    }
}
