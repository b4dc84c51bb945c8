package org.seamline.api.customer;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;

/**
 * The customer context as a plugin sees it: find a customer, read and update profile attributes with their source,
 * link another identifier. Every change is stored before the method returns and appears in the change feed.
 * Throws {@link IngressUnavailableException} when the store is down (nothing changed; try again later).
 */
@ProviderType
public interface CustomerContext {

    /** The customer who owns the identifier now (the platform normalises it); empty when nobody does. */
    Optional<CustomerView> find(Identifier identifier) throws IngressUnavailableException;

    /** The customer by id; a merged-away id answers the customer it was merged into. Empty when erased or unknown. */
    Optional<CustomerView> customer(String customerId) throws IngressUnavailableException;

    /**
     * Sets attributes, each recorded with {@code source} (e.g. {@code crm:bitrix24/main}); a null or empty value
     * removes the attribute when it came from the same source. Names are 1-100 characters of letters, digits,
     * {@code . _ -}; values at most 2000 characters.
     *
     * @return false when the customer does not exist (nothing changed)
     * @throws IllegalArgumentException for a bad name or value; nothing changed
     */
    boolean updateAttributes(String customerId, String source, Map<String, String> values)
            throws IngressUnavailableException;

    /**
     * Gives the customer another identifier, e.g. {@code crm:bitrix24/main} = {@code 42} or a phone number a CRM
     * knows. An identifier already owned by another customer is not moved (that is a merge, for an agent to decide).
     */
    LinkOutcome link(String customerId, Identifier identifier, String source) throws IngressUnavailableException;

    /** Records consent for the customer directly (the CRM's opt-out, a web form), like {@link CustomerSignals#consent}. */
    boolean consent(String customerId, String channel, Purpose purpose, boolean granted, String evidence)
            throws IngressUnavailableException;

    enum LinkOutcome { LINKED, ALREADY_LINKED, OWNED_BY_ANOTHER, NO_CUSTOMER }
}
