package org.seamline.api.message;

import java.util.List;
import java.util.Map;

/** Argument checks shared by the model records. */
final class Text {

    private Text() {
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static Map<String, String> map(Map<String, String> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }
}
