package org.seamline.amocrm.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A URL's query as PHP reads it, kept flat: {@code filter[note_type][]=a&filter[note_type][]=b} is one key, two values. */
final class QueryString {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    QueryString(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    String first(String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Values of {@code key} and {@code key[]}, or of {@code key[0]}, {@code key[1]}, …: PHP's three list forms. */
    List<String> list(String key) {
        List<String> all = new ArrayList<>(values.getOrDefault(key, List.of()));
        all.addAll(values.getOrDefault(key + "[]", List.of()));
        for (int i = 0; values.containsKey(key + "[" + i + "]"); i++) {
            all.addAll(values.get(key + "[" + i + "]"));
        }
        return all;
    }

    int integer(String key, int fallback) {
        String value = first(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Problem.invalid("0", "InvalidType", key, "This value should be of type int");
        }
    }

    Long number(String key) {
        String value = first(key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problem.invalid("0", "InvalidType", key, "This value should be of type int");
        }
    }
}
