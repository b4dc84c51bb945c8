package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or creates the customer who sent a message and links the message's new identifiers to them.
 * A known identifier gives its customer (the first known one, in the order the channel listed them); unknown
 * identifiers on the same message are linked to that customer, up to the per-customer cap. Identifiers that
 * belong to <em>another</em> customer are left where they are: joining two customers is a merge, which needs
 * its own policy and an audit trail, never a side effect.
 */
final class IdentityResolver {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityResolver.class);
    /** How far a channel vouches for who sent a message: signed or carrier-verified senders more than email. */
    private static final Map<String, Integer> CONFIDENCE = Map.of("email", 70);
    private static final int VERIFIED_CONFIDENCE = 90;

    /** The outcome: the customer, whether it was created now, and identifiers that pointed at other customers. */
    record Resolution(String customerId, boolean created, List<Identifier> conflicting) {
    }

    private final IdentifierNormalizer normalizer;
    private final CustomerStore customers;
    private final int maxIdentifiers;

    IdentityResolver(IdentifierNormalizer normalizer, CustomerStore customers, int maxIdentifiers) {
        this.normalizer = normalizer;
        this.customers = customers;
        this.maxIdentifiers = maxIdentifiers;
    }

    Resolution resolve(Connection c, InboundMessage message, String interactionId) throws SQLException {
        List<Identifier> identifiers = normalizer.normalize(message.from().identifiers());
        String customerId = null;
        List<Identifier> unknown = new ArrayList<>();
        List<Identifier> conflicting = new ArrayList<>();
        for (Identifier identifier : identifiers) {
            Optional<String> owner = customers.owner(c, identifier);
            if (owner.isEmpty()) {
                unknown.add(identifier);
            } else if (customerId == null) {
                customerId = owner.get();
            } else if (!owner.get().equals(customerId)) {
                conflicting.add(identifier);
            }
        }
        boolean created = customerId == null;
        if (created) {
            customerId = customers.create(c, message.from().name());
        } else if (message.from().name() != null) {
            customers.nameIfUnnamed(c, customerId, message.from().name());
        }
        link(c, customerId, unknown, message, interactionId);
        if (!conflicting.isEmpty()) {
            LOG.info("Interaction {} resolved to customer {}; {} identifier(s) belong to other customers (merge candidates)",
                    interactionId, customerId, conflicting.size());
        }
        return new Resolution(customerId, created, conflicting);
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
