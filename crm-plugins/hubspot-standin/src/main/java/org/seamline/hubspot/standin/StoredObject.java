package org.seamline.hubspot.standin;

import java.time.Instant;
import java.util.Map;

/** A CRM record as the stand-in holds it at one moment: its type, id, property values and dates. */
public record StoredObject(String type, String id, Map<String, String> properties, Instant createdAt,
                           Instant updatedAt, boolean archived) {

    public StoredObject {
        properties = Map.copyOf(properties);
    }

    public String property(String name) {
        return properties.get(name);
    }
}
