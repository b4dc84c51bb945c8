package org.seamline.crm.bitrix24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration is checked before the first call, and its errors never echo the webhook URL. */
class SettingsTest {

    private static final String CODE = "a1b2c3d4e5f6g7h8";

    private static String refused(TestConfiguration config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::settings);
        assertFalse(e.getMessage().contains(CODE), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aPortalWebhookUrlIsAcceptedWithOrWithoutTheTrailingSlash() {
        TestConfiguration config = new TestConfiguration("https://shop.bitrix24.ru/rest/7/" + CODE);

        Bitrix24Settings settings = config.settings();

        assertEquals("https://shop.bitrix24.ru/rest/7/" + CODE + "/", settings.endpoint().toString());
        assertFalse(settings.toString().contains(CODE));
    }

    @Test
    void plainHttpToAnotherHostAMethodInThePathOrAnUnsetPlaceholderAreRefused() {
        refused(new TestConfiguration("http://shop.bitrix24.ru/rest/7/" + CODE + "/"));
        refused(new TestConfiguration("https://shop.bitrix24.ru/rest/7/" + CODE + "/crm.contact.list"));
        assertEquals("webhookUrl refers to a variable or secret that is not set",
                refused(new TestConfiguration("$[env:BITRIX_WEBHOOK]")));
    }

    @Test
    void regionFieldCodesAndRateAreChecked() {
        TestConfiguration region = new TestConfiguration("https://shop.bitrix24.ru/rest/7/" + CODE + "/");
        region.defaultRegion = "Russia";
        refused(region);

        TestConfiguration field = new TestConfiguration("https://shop.bitrix24.ru/rest/7/" + CODE + "/");
        field.tagsField = "TAGS; DROP";
        refused(field);

        TestConfiguration rate = new TestConfiguration("https://shop.bitrix24.ru/rest/7/" + CODE + "/");
        rate.requestsPerSecond = 0;
        refused(rate);
    }

    @Test
    void nationalLookupFormsFollowTheRegionsTrunkPrefix() {
        assertEquals(List.of("+79161234567", "79161234567", "89161234567"),
                new Phones("RU").lookupForms("+79161234567"));
        assertEquals("+79161234567", new Phones("RU").display("8 (916) 123-45-67"));
        assertEquals("+4915112345678", new Phones("RU").display("+49 151 12345678"));
    }
}
