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
     * outbound message bodies; merge records keep only ids. Empty when the customer is unknown.
     */
    Optional<ErasureRecord> erase(String customerId, String actor) throws SQLException;
}
