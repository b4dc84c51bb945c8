package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.context.MergeException;
import org.seamline.context.MergeRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or creates the customer who sent a message and links the message's new identifiers to them.
 * A known identifier gives its customer (the first known one, in the order the channel listed them); unknown
 * identifiers on the same message are linked to that customer, up to the per-customer cap.
 *
 * <p>When one message carries identifiers of several customers, that is evidence they are one person. From a
 * channel that vouches for its senders (signed webhooks, carrier-verified numbers) the customers are merged,
 * audited and reversible; from others (email) the identifiers stay where they are and are reported as conflicts.
 */
final class IdentityResolver {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityResolver.class);
    static final String MERGE_POLICY = "policy:same-message";
    /** How far a channel vouches for who sent a message: signed or carrier-verified senders more than email. */
    private static final Map<String, Integer> CONFIDENCE = Map.of("email", 70);
    /** How much a channel that vouches for its senders, or a system that links an identifier, is trusted. */
    static final int VERIFIED_CONFIDENCE = 90;

    /** The outcome: the customer, whether it was created now, merges done, and identifiers left with other customers. */
    record Resolution(String customerId, boolean created, List<MergeRecord> merges, List<Identifier> conflicting) {
    }

    private final IdentifierNormalizer normalizer;
    private final CustomerStore customers;
    private final MergeStore merges;
    private final int maxIdentifiers;
    private final Set<String> autoMergeChannels;

    IdentityResolver(IdentifierNormalizer normalizer, CustomerStore customers, int maxIdentifiers, Set<String> autoMergeChannels) {
        this.normalizer = normalizer;
        this.customers = customers;
        this.merges = new MergeStore(customers);
        this.maxIdentifiers = maxIdentifiers;
        this.autoMergeChannels = Set.copyOf(autoMergeChannels);
    }

    Resolution resolve(Connection c, InboundMessage message, String interactionId, IdentityCache.View identities)
            throws SQLException {
        List<Identifier> unknown = new ArrayList<>();
        Map<String, List<Identifier>> byCustomer = new LinkedHashMap<>();
        for (Identifier identifier : normalizer.normalize(message.from().identifiers())) {
            Optional<CustomerStore.Owner> owner = identities.ownership(c, customers, identifier);
            if (owner.isEmpty()) {
                unknown.add(identifier);
            } else {
                if (owner.get().undeliverable()) {
                    // The customer wrote from it: whatever bounced before, the address works now.
                    customers.markDeliverable(c, identifier);
                    identities.changed();
                }
                String canonical = identities.canonical(c, customers, owner.get().customerId()).orElseThrow();
                byCustomer.computeIfAbsent(canonical, k -> new ArrayList<>()).add(identifier);
            }
        }
        List<String> owners = new ArrayList<>(byCustomer.keySet());
        boolean created = owners.isEmpty();
        String customerId = created ? customers.create(c, message.from().name()) : owners.get(0);
        List<MergeRecord> merged = new ArrayList<>();
        List<Identifier> conflicting = new ArrayList<>();
        for (String other : owners.subList(Math.min(1, owners.size()), owners.size())) {
            if (mayMerge(c, message, customerId, other)) {
                merged.add(merge(c, customerId, other, message, interactionId));
                identities.changed();
            } else {
                conflicting.addAll(byCustomer.get(other));
            }
        }
        if (!conflicting.isEmpty()) {
            LOG.info("Interaction {} resolved to customer {}; {} identifier(s) belong to other customers (merge candidates)",
                    interactionId, customerId, conflicting.size());
        }
        link(c, customerId, unknown, message, interactionId);
        return new Resolution(customerId, created, merged, conflicting);
    }

    /** Whether the message could merge customers: several identifiers from a channel that vouches for its senders. */
    boolean mayMergeOn(InboundMessage message) {
        return message.from().identifiers().size() > 1 && autoMergeChannels.contains(message.channel());
    }

    /** Only from a channel that vouches for its senders, and never into a customer past the identifier cap. */
    private boolean mayMerge(Connection c, InboundMessage message, String customerId, String other) throws SQLException {
        return mayMergeOn(message)
                && customers.identifierCount(c, customerId) + customers.identifierCount(c, other) <= maxIdentifiers;
    }

    private MergeRecord merge(Connection c, String customerId, String other, InboundMessage message, String interactionId)
            throws SQLException {
        try {
            MergeRecord record = merges.merge(c, customerId, other, MERGE_POLICY,
                    "one " + message.channel() + " message carried identifiers of both customers", interactionId);
            LOG.info("Customer {} merged into {} by {} (interaction {})", other, customerId, MERGE_POLICY, interactionId);
            return record;
        } catch (MergeException e) {
            throw new IllegalStateException("automatic merge of two distinct canonical customers failed: " + e.getMessage(), e);
        }
    }

    private void link(Connection c, String customerId, List<Identifier> unknown, InboundMessage message, String interactionId)
            throws SQLException {
        if (unknown.isEmpty()) {
            return;
        }
        int room = maxIdentifiers - customers.identifierCount(c, customerId);
        String source = message.channel() + "/" + message.instance();
        int confidence = CONFIDENCE.getOrDefault(message.channel(), VERIFIED_CONFIDENCE);
        for (Identifier identifier : unknown) {
            if (room-- <= 0) {
                LOG.warn("Customer {} has {} identifiers; {} not linked automatically", customerId, maxIdentifiers, identifier.type());
                return;
            }
            customers.link(c, customerId, identifier, source, interactionId, confidence);
        }
    }
}
