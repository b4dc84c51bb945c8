package org.seamline.crm.hubspot;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers as people type them into HubSpot, read with libphonenumber in the configured default region. */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    Phones(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The E.164 form, or empty when the text is not a possible number. */
    Optional<String> e164(String text) {
        return parse(text).map(n -> UTIL.format(n, PhoneNumberFormat.E164));
    }

    /** A number as stored, in E.164 when it can be read, else as stored. */
    String display(String stored) {
        return e164(stored).orElse(stored.strip());
    }

    /**
     * The national significant number ({@code 9161234567} for {@code +79161234567}): the form of HubSpot's
     * {@code hs_searchable_calculated_*} properties, which drop the country code.
     */
    Optional<String> national(String e164) {
        return parse(e164).map(UTIL::getNationalSignificantNumber);
    }

    /** Whether a stored number is this E.164 number; numbers that cannot be read never match. */
    boolean same(String stored, String e164) {
        return e164(stored).map(e164::equals).orElse(false);
    }

    private Optional<PhoneNumber> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion);
            return UTIL.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
