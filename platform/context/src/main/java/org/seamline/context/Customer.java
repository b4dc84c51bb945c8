package org.seamline.context;

import java.time.Instant;
import java.util.List;

/** One person across channels: every identifier the platform has linked to them. */
public record Customer(String id, String displayName, List<CustomerIdentifier> identifiers, Instant createdAt) {

    public Customer {
        identifiers = List.copyOf(identifiers);
    }
}
