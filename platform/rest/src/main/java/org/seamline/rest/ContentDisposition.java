package org.seamline.rest;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): the name in quotes, ASCII only, for every client, and when
 * the name has other characters also {@code filename*} (RFC 8187, UTF-8), which browsers and mail clients prefer.
 * Without it a servlet container writes "Счёт.pdf" as "????.pdf" or spaces.
 */
final class ContentDisposition {

    /** RFC 8187 attr-char: sent as they are; every other byte is %XX. */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static String attachment(String name) {
        String fallback = asciiFallback(name);
        return fallback.equals(name) ? "attachment; filename=\"" + fallback + "\""
                : "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded(name);
    }

    /** Printable ASCII without quote and backslash (they would end or escape the quoted string); others become '_'. */
    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return ascii.toString();
    }

    private static String encoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
