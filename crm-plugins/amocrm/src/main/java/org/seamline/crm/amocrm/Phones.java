package org.seamline.crm.amocrm;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers between Seamline (E.164) and amoCRM, where people type them in any format
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

    /** A stored number in E.164 when it can be read, else as stored. */
    String display(String stored) {
        return e164(stored).orElse(stored);
    }

    /**
     * What to search for: the national number's digits ({@code 9161234567}), which every way of writing the number
     * contains ({@code +7 916…}, {@code 8 (916) …}); the answers are then checked in E.164.
     */
    String searchDigits(String e164) {
        try {
            return String.valueOf(UTIL.parse(e164, defaultRegion).getNationalNumber());
        } catch (NumberParseException e) {
            return e164.replaceAll("\\D", "");
        }
    }

    boolean same(String stored, String e164) {
        return e164(stored).map(e164::equals).orElse(false);
    }
}
