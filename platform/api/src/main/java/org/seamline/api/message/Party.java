package org.seamline.api.message;

import java.util.List;
import java.util.Optional;

/** The sender of an inbound message or the recipient of an outbound one: a display name and identifiers. */
public record Party(String name, List<Identifier> identifiers) {

    public Party {
        identifiers = Text.list(identifiers);
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("a party needs at least one identifier");
        }
    }

    public static Party of(String name, Identifier... identifiers) {
        return new Party(name, List.of(identifiers));
    }

    /** The first identifier of the given type, if the party has one. */
    public Optional<String> identifier(String type) {
        return identifiers.stream().filter(i -> i.type().equals(type)).map(Identifier::value).findFirst();
    }
}
