package org.seamline.crm.bitrix24;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers between Seamline (E.164) and Bitrix24, where people type them in any national format
 * ({@code 8 (916) 123-45-67}). Numbers without a country code are read in the instance's default region.
 */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    Phones(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** E.164, or empty when the text is no possible number. */
    Optional<String> e164(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion);
            return UTIL.isPossibleNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A number as the CRM stores it, in E.164 when it can be read, else as stored. */
    String display(String stored) {
        return e164(stored).orElse(stored);
    }

    /**
     * The forms to look a number up by. The portal's communications index compares digits, so {@code +79161234567}
     * and {@code 8 916 123-45-67} differ there: ask for the international digits and the national dialling form.
     */
    List<String> lookupForms(String e164) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(e164);
        try {
            PhoneNumber number = UTIL.parse(e164, defaultRegion);
            forms.add(UTIL.format(number, PhoneNumberFormat.E164).substring(1));
            String national = UTIL.formatNumberForMobileDialing(number, UTIL.getRegionCodeForNumber(number), false);
            if (national != null && !national.isEmpty()) {
                forms.add(national.replaceAll("\\D", ""));
            }
        } catch (NumberParseException e) {
            // the E.164 form alone
        }
        return List.copyOf(forms);
    }

    /** Whether a stored number is this E.164 number; an unreadable one is trusted to the portal's index. */
    boolean same(String stored, String e164) {
        return e164(stored).map(e164::equals).orElse(true);
    }
}
