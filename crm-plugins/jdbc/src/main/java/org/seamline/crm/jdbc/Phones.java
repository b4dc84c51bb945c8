package org.seamline.crm.jdbc;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers as a customer database holds them ({@code 8 (916) 123-45-67}, {@code +7 916 1234567}) compared with
 * the platform's E.164. The database narrows the candidates by the digits of the national number at the end of the
 * stored value; libphonenumber then decides, with the configured default region for numbers stored without a
 * country code.
 */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    Phones(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The digits every stored form of the number ends with: the national significant number; empty if not a number. */
    static Optional<String> searchSuffix(String e164) {
        try {
            PhoneNumber number = UTIL.parse(e164, null);
            String national = UTIL.getNationalSignificantNumber(number);
            // Fewer digits would match too many rows to check one by one; no real subscriber number is that short.
            return national.length() < 6 ? Optional.empty() : Optional.of(national);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The stored value in E.164, or empty when it is not a phone number. */
    Optional<String> e164(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(stored, defaultRegion);
            return UTIL.isPossibleNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** For the profile: E.164 where the value is a number, else as stored. */
    String display(String stored) {
        return e164(stored).orElse(stored);
    }
}
