package org.seamline.context;

import java.time.Instant;
import java.util.List;

/**
 * One person across channels: every identifier the platform has linked to them, including those of customers
 * merged into this one ({@code mergedCustomers}, reversible).
 */
public record Customer(String id, String displayName, List<CustomerIdentifier> identifiers, List<String> mergedCustomers,
                       Instant createdAt) {

    public Customer {
        identifiers = List.copyOf(identifiers);
        mergedCustomers = List.copyOf(mergedCustomers);
    }
}
