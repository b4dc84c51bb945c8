package org.seamline.context;

import java.sql.SQLException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Changes profiles: attributes, tags, preferences and consents. Changes are written to the customer an id stands
 * for now (a merged id's survivor). Invalid input throws {@link IllegalArgumentException} and changes nothing.
 */
@ProviderType
public interface CustomerProfiles {

    /** Applies the change; {@code source} is recorded with each attribute and tag. Empty when the customer is unknown. */
    Optional<Customer> change(String customerId, ProfileChange change, String source) throws SQLException;

    /** Records opt-in or opt-out; the latest record per channel and purpose is what counts. Empty when unknown. */
    Optional<Customer> recordConsent(String customerId, String channel, ConsentPurpose purpose, boolean granted,
                                     String source, String evidence) throws SQLException;
}
