package org.seamline.context;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An approved message template a reply names, for channels that may send free text only inside a customer-service
 * window (WhatsApp): outside it the channel sends this template instead of the reply's text.
 *
 * @param name      the template's name as the channel instance maps it ({@code order_update}): letters, digits,
 *                  {@code _ . -}, at most 100 characters
 * @param variables the template's variables by name ({@code "1" -> "Ana"}), kept sorted by name; never null
 */
public record ReplyTemplate(String name, Map<String, String> variables) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_]{1,50}");
    /** WhatsApp templates have far fewer; this bounds what one request can make us store. */
    private static final int MAX_VARIABLES = 50;
    private static final int MAX_VALUE = 1000;

    /** @throws IllegalArgumentException naming what is wrong */
    public ReplyTemplate {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("template.name must be 1-100 letters, digits, '_', '.' or '-'");
        }
        Map<String, String> sorted = new TreeMap<>(variables == null ? Map.of() : variables);
        if (sorted.size() > MAX_VARIABLES) {
            throw new IllegalArgumentException("template.variables has more than " + MAX_VARIABLES + " entries");
        }
        sorted.forEach((key, value) -> {
            if (!VARIABLE.matcher(key).matches()) {
                throw new IllegalArgumentException("template variable names must be 1-50 letters, digits or '_'");
            }
            if (value == null || value.length() > MAX_VALUE) {
                throw new IllegalArgumentException("template variable " + key + " needs a value of at most "
                        + MAX_VALUE + " characters");
            }
        });
        variables = Collections.unmodifiableMap(sorted);
    }
}
