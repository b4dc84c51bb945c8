package org.seamline.channel.whatsapp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An instance's approved WhatsApp templates: a name (what a reply asks for) in several languages, each an approved
 * Twilio Content SID. Written {@code order_update:en=HX…}, several separated by commas (a .cfg file gives one string,
 * the web console a list).
 */
final class Templates {

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_.-]{1,100}):([A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*)=(HX[0-9a-fA-F]{32})");

    /** Content SID by template name, then by normalised language tag. */
    private final Map<String, Map<String, String>> sids;
    private final String defaultLanguage;

    private Templates(Map<String, Map<String, String>> sids, String defaultLanguage) {
        this.sids = sids;
        this.defaultLanguage = defaultLanguage;
    }

    /** @throws IllegalArgumentException naming the entry that is not {@code name:language=HX…} */
    static Templates parse(String[] configured, String defaultLanguage) {
        if (defaultLanguage == null || defaultLanguage.isBlank()) {
            throw new IllegalArgumentException("defaultLanguage is required, e.g. en");
        }
        Map<String, Map<String, String>> sids = new LinkedHashMap<>();
        Stream.of(configured == null ? new String[0] : configured)
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(entry -> !entry.isEmpty())
                .forEach(entry -> {
                    Matcher m = ENTRY.matcher(entry);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("templates: '" + entry + "' is not name:language=HX<32 hex digits>");
                    }
                    sids.computeIfAbsent(m.group(1), name -> new LinkedHashMap<>()).put(tag(m.group(2)), m.group(3));
                });
        return new Templates(sids, tag(defaultLanguage.strip()));
    }

    /**
     * The Content SID of a template in the customer's language: their exact language ({@code pt-br}), else its
     * primary language ({@code pt}), else the same for the default language. Empty when the template is not
     * configured or has neither language.
     */
    Optional<String> contentSid(String name, String preferredLanguage) {
        Map<String, String> languages = sids.get(name);
        if (languages == null) {
            return Optional.empty();
        }
        Optional<String> preferred = preferredLanguage == null || preferredLanguage.isBlank() ? Optional.empty()
                : in(languages, tag(preferredLanguage.strip()));
        return preferred.or(() -> in(languages, defaultLanguage));
    }

    boolean has(String name) {
        return sids.containsKey(name);
    }

    String defaultLanguage() {
        return defaultLanguage;
    }

    private static Optional<String> in(Map<String, String> languages, String tag) {
        String exact = languages.get(tag);
        if (exact != null) {
            return Optional.of(exact);
        }
        String primary = tag.split("-")[0];
        return Optional.ofNullable(languages.get(primary));
    }

    /** WhatsApp writes {@code pt_BR}, profiles {@code pt-BR}: one form for both. */
    private static String tag(String language) {
        return language.replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
