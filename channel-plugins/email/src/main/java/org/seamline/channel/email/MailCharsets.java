package org.seamline.channel.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charset names as mailers write them, resolved to Java charsets, and bytes of unsure charset turned into text the
 * way Thunderbird does. Used wherever a charset name from a mail is resolved (encoded words, bodies).
 */
final class MailCharsets {

    /** The charset Russian mail is in when it says nothing or something wrong. */
    static final Charset LAST_RESORT = Charset.forName("windows-1251");

    /** {@code win-1251}, {@code cp-1251}, {@code x-cp1251}, {@code windows1251}: the Windows code pages by any spelling. */
    private static final Pattern WINDOWS = Pattern.compile("(?:x-)?(?:windows|win|cp)-?(12[5][0-8])");
    private static final Pattern KOI8 = Pattern.compile("(?:x-)?koi8-?([ru])");
    private static final Map<String, String> ALIASES = Map.of(
            "x-mac-cyrillic", "x-MacCyrillic",
            "mac-cyrillic", "x-MacCyrillic",
            "maccyrillic", "x-MacCyrillic",
            "utf8", "UTF-8",
            "x-utf8", "UTF-8",
            "unicode-1-1-utf-8", "UTF-8",
            "x-unicode20utf8", "UTF-8",
            "ascii", "US-ASCII");

    private MailCharsets() {
    }

    /** The Java charset a mail's charset name means; empty when unknown or not supported here. */
    static Optional<Charset> resolve(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        int language = key.indexOf('*'); // RFC 2231: charset*language
        if (language >= 0) {
            key = key.substring(0, language);
        }
        Matcher windows = WINDOWS.matcher(key);
        Matcher koi8 = KOI8.matcher(key);
        String java = windows.matches() ? "windows-" + windows.group(1)
                : koi8.matches() ? "KOI8-" + koi8.group(1).toUpperCase(Locale.ROOT)
                : ALIASES.getOrDefault(key, key);
        try {
            return java.isEmpty() ? Optional.empty() : Optional.of(Charset.forName(java));
        } catch (IllegalArgumentException e) { // illegal or unsupported name
            return Optional.empty();
        }
    }

    /**
     * Bytes whose charset is not sure (raw 8-bit header bytes, a body in an unknown charset or labelled ASCII): valid
     * UTF-8 is read as UTF-8 (RFC 6532), otherwise the declared charset, otherwise windows-1251.
     */
    static String decodeUnsure(byte[] bytes, String declared) {
        Optional<String> utf8 = strictUtf8(bytes);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        Charset fallback = resolve(declared).filter(c -> !c.equals(StandardCharsets.UTF_8) && !c.equals(StandardCharsets.US_ASCII))
                .orElse(LAST_RESORT);
        return new String(bytes, fallback);
    }

    /** A body in the charset it declares; one that declares none, ASCII or an unknown one is read as unsure. */
    static String decodeBody(byte[] bytes, String declared) {
        Optional<Charset> charset = resolve(declared).filter(c -> !c.equals(StandardCharsets.US_ASCII));
        return charset.isPresent() ? new String(bytes, charset.get()) : decodeUnsure(bytes, declared);
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
