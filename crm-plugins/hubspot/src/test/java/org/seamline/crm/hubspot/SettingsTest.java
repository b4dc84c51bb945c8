package org.seamline.crm.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A configuration is checked before the first call, and neither its errors nor its toString show a secret. */
class SettingsTest {

    private static final String TOKEN = "pat-na1-0f1e2d3c-secret";

    private static TestConfiguration config() {
        return new TestConfiguration("https://api.hubapi.com", TOKEN);
    }

    private static String refused(TestConfiguration config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::settings);
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        return e.getMessage();
    }

    @Test
    void theDefaultsServeTheV3PathsAndTheTokenIsMasked() {
        HubSpotSettings settings = config().settings();

        assertEquals("https://api.hubapi.com/crm/v3/objects/contacts", settings.paths().objects("contacts").toString());
        assertEquals("https://api.hubapi.com/crm/v3/objects/contacts/search", settings.paths().search("contacts").toString());
        assertNull(settings.clientSecret(), "webhooks are off without a client secret");
        assertEquals(ZoneId.of("UTC"), settings.dailyLimitZone());
        assertFalse(settings.toString().contains(TOKEN), settings.toString());
        assertTrue(settings.toString().contains("****"));
    }

    @Test
    void aDateVersionUsesTheDatedPathsAndAnEmailIsEscapedAsOneSegment() {
        TestConfiguration config = config();
        config.apiVersion = "2026-03";

        ApiPaths paths = config.settings().paths();

        assertEquals("https://api.hubapi.com/crm/objects/2026-03/notes", paths.objects("notes").toString());
        assertEquals("https://api.hubapi.com/crm/objects/2026-03/contacts/a%2Bb%40example.com?idProperty=email",
                paths.object("contacts", "a+b@example.com", "idProperty=email").toString());
        assertEquals("https://api.hubapi.com/crm/v3/owners/77", paths.owner("77").toString(), "owners stay on v3");
    }

    @Test
    void unknownVersionsAndHostsAreRefused() {
        TestConfiguration version = config();
        version.apiVersion = "v4";
        assertTrue(refused(version).startsWith("apiVersion"));

        TestConfiguration month = config();
        month.apiVersion = "2026-13";
        refused(month);

        refused(new TestConfiguration("http://api.hubapi.com", TOKEN));
        new TestConfiguration("http://127.0.0.1:8080", TOKEN).settings();
    }

    @Test
    void missingOrUnsetSecretsAreRefusedByName() {
        assertEquals("token is required", refused(new TestConfiguration("https://api.hubapi.com", " ")));
        assertEquals("token refers to a variable or secret that is not set",
                refused(new TestConfiguration("https://api.hubapi.com", "$[env:HUBSPOT_TOKEN]")));
        TestConfiguration secret = config();
        secret.webhookClientSecret = "$[secret:hubspot-client-secret]";
        assertEquals("webhookClientSecret refers to a variable or secret that is not set", refused(secret));
    }

    @Test
    void propertyNamesRegionRateAndZoneAreChecked() {
        TestConfiguration tags = config();
        tags.tagsProperty = "Seamline Tags";
        assertTrue(refused(tags).startsWith("tagsProperty"));

        TestConfiguration id = config();
        id.interactionIdProperty = "";
        assertEquals("interactionIdProperty is required", refused(id));

        TestConfiguration region = config();
        region.defaultRegion = "Russia";
        refused(region);

        TestConfiguration rate = config();
        rate.requestsPerSecond = 0;
        refused(rate);

        TestConfiguration zone = config();
        zone.dailyLimitZone = "Mars/Olympus";
        refused(zone);
    }

    @Test
    void nationalFormsDropTheCountryCode() {
        Phones phones = new Phones("RU");
        assertEquals("9161234567", phones.national("+79161234567").orElseThrow());
        assertEquals("+79161234567", phones.display("+7 (916) 123-45-67"));
        assertEquals("+79161234567", phones.display("8 916 123 45 67"));
        assertFalse(phones.same("not a number", "+79161234567"));
    }
}
