package org.seamline.api.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.seamline.api.message.Identifier;

/** A customer as plugins see it: id, name, identifiers (normalised) and attributes with where each came from. */
public record CustomerView(String id, String displayName, List<Identifier> identifiers, Map<String, Attribute> attributes) {

    public CustomerView {
        identifiers = List.copyOf(identifiers);
        attributes = Map.copyOf(attributes);
    }

    /** One profile attribute: its value, the source that set it, and when. */
    public record Attribute(String value, String source, Instant updatedAt) {
    }
}
