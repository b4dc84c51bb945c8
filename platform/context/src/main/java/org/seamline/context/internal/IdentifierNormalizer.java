package org.seamline.context.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seamline.api.message.Identifier;

/**
 * Turns identifiers as channels saw them into the keys of the identity graph: emails as {@link EmailNormalizer}
 * writes them, valid phone numbers (also WhatsApp ids, which are phone numbers) in E.164. An identifier that cannot
 * be normalised is dropped rather than stored in a form that would never match.
 */
final class IdentifierNormalizer {

    /** The types the platform itself understands; channels may add provider-specific ones. */
    static final List<String> STANDARD_TYPES = List.of(Identifier.EMAIL, Identifier.PHONE, Identifier.WHATSAPP,
            Identifier.WHATSAPP_USER_ID, Identifier.USER_ID);
    private static final String UNKNOWN_REGION = "ZZ";

    /** Phone numbers as written, remembered: parsing one costs some 20 µs of regular expressions. */
    private static final int REMEMBERED_PHONES = 10_000;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final Map<String, Optional<String>> normalisedPhones;

    IdentifierNormalizer(String defaultRegion) {
        this(defaultRegion, REMEMBERED_PHONES);
    }

    /** @param rememberedPhones how many phone numbers, as written, keep their normal form (0: parse every time) */
    IdentifierNormalizer(String defaultRegion, int rememberedPhones) {
        this.defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? UNKNOWN_REGION : defaultRegion.strip().toUpperCase(Locale.ROOT);
        this.normalisedPhones = LeastRecentlyUsed.map(rememberedPhones);
    }

    /**
     * The normalised identifiers, without repeats. A WhatsApp id also yields the phone identifier, so the same
     * number on SMS and WhatsApp is one person.
     */
    List<Identifier> normalize(List<Identifier> identifiers) {
        Set<Identifier> result = new LinkedHashSet<>();
        for (Identifier identifier : identifiers) {
            switch (identifier.type()) {
                case Identifier.EMAIL -> email(identifier.value()).ifPresent(v -> result.add(new Identifier(Identifier.EMAIL, v)));
                case Identifier.PHONE -> phone(identifier.value()).ifPresent(v -> result.add(new Identifier(Identifier.PHONE, v)));
                case Identifier.WHATSAPP -> phone(identifier.value().replaceFirst("(?i)^whatsapp:", "")).ifPresent(v -> {
                    result.add(new Identifier(Identifier.WHATSAPP, v));
                    result.add(new Identifier(Identifier.PHONE, v));
                });
                default -> result.add(new Identifier(identifier.type(), identifier.value().strip()));
            }
        }
        return new ArrayList<>(result);
    }

    /** One identifier, as a lookup key; empty when it is not valid for its type. */
    Optional<Identifier> normalize(String type, String value) {
        List<Identifier> normalized = normalize(List.of(new Identifier(type, value)));
        return normalized.isEmpty() ? Optional.empty() : Optional.of(normalized.get(0));
    }

    Optional<String> email(String raw) {
        return EmailNormalizer.normalize(raw);
    }

    Optional<String> phone(String raw) {
        synchronized (normalisedPhones) {
            Optional<String> known = normalisedPhones.get(raw);
            if (known != null) {
                return known;
            }
        }
        Optional<String> normalised = parsedPhone(raw);
        synchronized (normalisedPhones) {
            normalisedPhones.put(raw, normalised);
        }
        return normalised;
    }

    private Optional<String> parsedPhone(String raw) {
        try {
            PhoneNumber number = phones.parse(EmailNormalizer.visible(raw).strip(), defaultRegion);
            // Valid, not merely possible: 12345 has a possible length in some regions but reaches nobody.
            return phones.isValidNumber(number)
                    ? Optional.of(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
