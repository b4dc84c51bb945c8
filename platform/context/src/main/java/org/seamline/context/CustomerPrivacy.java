package org.seamline.context;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Data-subject rights: a complete export (GDPR art. 20, 152-FZ) and erasure that leaves only an audit record. */
@ProviderType
public interface CustomerPrivacy {

    /** Everything held about the customer (and customers merged into it), as JSON-ready data; empty when unknown. */
    Optional<Map<String, Object>> export(String customerId) throws SQLException;

    /**
     * Removes the customer and everyone merged into it: profile, identifiers, conversations, timeline, inbound and
     * outbound message bodies (also those from their identifiers not linked to them yet: unprocessed or set aside),
     * their interactions' events (a call's steps and recordings), and the files no other customer's message names; merge records keep only ids, erased messages a one-way hash of
     * their key, so a redelivery is a repeat. The data files lose them too (see {@code Database#eraseFromFiles}).
     * Empty when the customer is unknown.
     */
    Optional<ErasureRecord> erase(String customerId, String actor) throws SQLException;
}
