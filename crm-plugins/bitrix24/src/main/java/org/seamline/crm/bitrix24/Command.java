package org.seamline.crm.bitrix24;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One {@code batch} command, {@code method?query} with PHP-style keys ({@code fields[OWNER_ID]=…}). A reference to an
 * earlier command's result ({@code $result[c][PHONE][0][VALUE]}) is written as is: the portal substitutes it
 * before it reads the query.
 */
final class Command {

    private final StringBuilder text;
    private boolean first = true;

    private Command(String method) {
        this.text = new StringBuilder(method);
    }

    static Command of(String method) {
        return new Command(method);
    }

    Command param(String key, Object value) {
        return append(key, URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
    }

    /** {@code key=$result[command][path]…}: a field of an earlier command's result. */
    Command reference(String key, String command, String... path) {
        StringBuilder reference = new StringBuilder("$result[").append(command).append(']');
        for (String segment : path) {
            reference.append('[').append(segment).append(']');
        }
        return append(key, reference.toString());
    }

    private Command append(String key, String value) {
        text.append(first ? '?' : '&').append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=').append(value);
        first = false;
        return this;
    }

    String text() {
        return text.toString();
    }
}
