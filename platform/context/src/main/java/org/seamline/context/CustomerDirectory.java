package org.seamline.context;

import java.sql.SQLException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.store.Page;

/** Reads customers. Lookups normalise the identifier the same way inbound messages are normalised. */
@ProviderType
public interface CustomerDirectory {

    Optional<Customer> customer(String id) throws SQLException;

    /**
     * The customer owning {@code type:value} once normalised; empty when unknown or not a valid identifier.
     *
     * @throws IllegalArgumentException when the type is neither a standard one nor one any customer has
     */
    Optional<Customer> findByIdentifier(String type, String value) throws SQLException;

    /**
     * Customers whose name, an attribute value or an identifier contains {@code text} (case-insensitive), newest
     * first; merged customers answer as their survivor.
     */
    Page<Customer> search(String text, int offset, int limit) throws SQLException;

    /** Newest first. */
    Page<Customer> customers(int offset, int limit) throws SQLException;
}
