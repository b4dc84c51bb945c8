package org.seamline.context.internal;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** What names and values the profile and conversation context accept; a violation is the caller's 400. */
final class ProfileRules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Pattern CHANNEL = Pattern.compile("\\*|[a-z0-9][a-z0-9_-]{0,63}");
    static final int MAX_ATTRIBUTE = 2000;
    /** The size of customer_consent.evidence. */
    static final int MAX_EVIDENCE = 1000;
    /** The size of customer.preferred_language; real tags are far shorter, private-use extensions need not be. */
    static final int MAX_LANGUAGE = 35;
    static final int MAX_VARIABLE = 4000;
    static final int MAX_TAG = 100;
    static final int MAX_ASSIGNEE = 200;

    private ProfileRules() {
    }

    /** Attribute, variable and tag names: letters, digits, {@code _ . -}, up to 100 characters. */
    static String name(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(kind + " '" + name + "' must be 1-100 letters, digits, '_', '.' or '-'");
        }
        return name;
    }

    static String value(String kind, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(kind + " values are limited to " + max + " characters");
        }
        return value;
    }

    /** A channel kind as plugins name it ({@code sms}, {@code email}), or {@code *} where every channel is meant. */
    static String channel(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel '" + channel + "' must be a channel kind such as sms or email, or *");
        }
        return channel;
    }

    /** A well-formed BCP 47 tag, in its canonical form ({@code pt-br} → {@code pt-BR}). */
    static String language(String tag) {
        if (tag.length() > MAX_LANGUAGE) {
            throw new IllegalArgumentException("preferredLanguage is longer than " + MAX_LANGUAGE + " characters");
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("preferredLanguage '" + tag + "' is not a BCP 47 language tag such as ru or pt-BR");
        }
    }
}
