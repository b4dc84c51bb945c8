package org.seamline.context;

import java.time.Instant;
import java.util.List;

/**
 * One person across channels: every identifier, attribute, tag and consent the platform holds for them, including
 * those of customers merged into this one ({@code mergedCustomers}, reversible). Where merged profiles disagree the
 * most recent attribute or consent wins and the survivor's preferences win.
 */
public record Customer(String id, String displayName, List<CustomerIdentifier> identifiers,
                       List<ProfileAttribute> attributes, List<String> tags, String preferredChannel,
                       String preferredLanguage, List<Consent> consents, List<String> mergedCustomers, Instant createdAt) {
    public Customer {
        identifiers = List.copyOf(identifiers);
        attributes = List.copyOf(attributes);
        tags = List.copyOf(tags);
        consents = List.copyOf(consents);
        mergedCustomers = List.copyOf(mergedCustomers);
    }
}
