package org.seamline.context.internal;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One mailbox, one key: the forms a person or a mail client may give of one address all normalise to the same text.
 * Format characters (zero-width spaces, direction marks) are dropped, compatibility forms folded (NFKC: fullwidth
 * letters become ASCII), a {@code mailto:} prefix and the domain's trailing dot removed, an international domain
 * written in ASCII (punycode) and the local part case-folded in full, so {@code STRASSE} and {@code straße} are one
 * mailbox, as {@code ANNA} and {@code anna} already were. Anything that is not then {@code local@domain.tld} is
 * unusable.
 */
final class EmailNormalizer {

    private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}");
    private static final Pattern MAILTO = Pattern.compile("(?i)^mailto:");
    /** No spaces, controls, angle brackets or a second {@code @}: what is left of an address after a display name. */
    private static final Pattern LOCAL_PART = Pattern.compile("[^@\\s\\p{Cc}<>]+");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    private EmailNormalizer() {
    }

    static Optional<String> normalize(String raw) {
        String address = MAILTO.matcher(Normalizer.normalize(visible(raw), Normalizer.Form.NFKC).strip()).replaceFirst("");
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        String local = folded(address.substring(0, at));
        Optional<String> domain = asciiDomain(address.substring(at + 1));
        return LOCAL_PART.matcher(local).matches() && domain.isPresent() ? Optional.of(local + "@" + domain.get()) : Optional.empty();
    }

    /** The text without Unicode format characters (category Cf), which show as nothing but compare as different. */
    static String visible(String raw) {
        return FORMAT_CHARACTERS.matcher(raw).replaceAll("");
    }

    /** Full case folding (ß → ss, ς → σ), which lower-casing alone does not do; NFKC again for what folding composed. */
    private static String folded(String local) {
        return Normalizer.normalize(local.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    private static Optional<String> asciiDomain(String domain) {
        String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        try {
            String ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            return DOMAIN.matcher(ascii).matches() ? Optional.of(ascii) : Optional.empty();
        } catch (IllegalArgumentException notADomain) {
            return Optional.empty();
        }
    }
}
