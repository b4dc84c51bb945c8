package org.seamline.camel.seamline;

import java.util.Locale;
import java.util.Set;

/** What a {@code seamline:} URI does, with the options it accepts (anything else is refused when the route starts). */
enum Operation {
    INGRESS(Set.of("channel", "instance")),
    CUSTOMER(Set.of()),
    REPLY(Set.of()),
    CHANGES(Set.of("reader", "types", "batch"));

    private final Set<String> options;

    Operation(Set<String> options) {
        this.options = options;
    }

    Set<String> options() {
        return options;
    }

    static Operation of(String name) {
        for (Operation operation : values()) {
            if (operation.name().toLowerCase(Locale.ROOT).equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("seamline:" + name + " is unknown; use seamline:ingress, seamline:customer,"
                + " seamline:reply or seamline:changes");
    }
}
