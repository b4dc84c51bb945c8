package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.customer.CustomerContext;
import org.seamline.api.customer.CustomerView;
import org.seamline.api.customer.Purpose;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ContextEvents;
import org.seamline.context.Customer;
import org.seamline.context.CustomerProfiles;
import org.seamline.context.ProfileAttribute;
import org.seamline.store.Database;
import org.seamline.store.StoreFailures;

/**
 * {@link CustomerContext} for plugins, on the stores the REST API uses: identifiers normalised as processing does,
 * merged ids followed to the customer they stand for, attributes recorded with their source. A change that changes
 * something appends {@code customer.changed} (actor: the source) in its transaction; one that changes nothing
 * appends nothing, so a connector that writes back what it read does not wake itself up.
 */
@Component(service = CustomerContext.class, configurationPid = ContextComponents.PID)
public class CustomerContextService implements CustomerContext {

    /** Consent has no source parameter in the SPI: it is recorded as coming from an integration. */
    static final String CONSENT_SOURCE = "integration";
    /** The size of customer_attribute.source and customer_identifier.source. */
    private static final int MAX_SOURCE = 200;
    /** The sizes of customer_identifier's key. */
    private static final int MAX_TYPE = 32;
    private static final int MAX_VALUE = 320;

    private final Database database;
    private final EventPublisher events;
    private final CustomerProfiles profiles;
    private final IdentifierNormalizer normalizer;
    private final CustomerStore customers = new CustomerStore();
    private final ProfileStore attributes = new ProfileStore();

    @Activate
    public CustomerContextService(@Reference Database database, @Reference EventPublisher events,
                                  @Reference CustomerProfiles profiles, ContextConfiguration config) {
        this.database = database;
        this.events = events;
        this.profiles = profiles;
        this.normalizer = new IdentifierNormalizer(config.defaultRegion());
    }

    @Override
    public Optional<CustomerView> find(Identifier identifier) throws IngressUnavailableException {
        if (identifier == null) {
            throw new IllegalArgumentException("an identifier is required");
        }
        Optional<Identifier> key = normalizer.normalize(identifier.type(), identifier.value());
        if (key.isEmpty()) {
            return Optional.empty(); // not valid for its type (a phone that reaches nobody): nobody can own it
        }
        try {
            return database.read(c -> {
                Optional<String> owner = customers.owner(c, key.get());
                return owner.isEmpty() ? Optional.<CustomerView>empty() : customers.customer(c, owner.get()).map(CustomerContextService::view);
            });
        } catch (SQLException e) {
            throw new IngressUnavailableException("the customer could not be read", e);
        }
    }

    @Override
    public Optional<CustomerView> customer(String customerId) throws IngressUnavailableException {
        if (customerId == null) {
            return Optional.empty();
        }
        try {
            return database.read(c -> customers.customer(c, customerId).map(CustomerContextService::view));
        } catch (SQLException e) {
            throw new IngressUnavailableException("the customer could not be read", e);
        }
    }

    @Override
    public boolean updateAttributes(String customerId, String source, Map<String, String> values)
            throws IngressUnavailableException {
        checkSource(source);
        if (values == null) {
            throw new IllegalArgumentException("values are required");
        }
        values.forEach((name, value) -> {
            ProfileRules.name("attribute", name);
            ProfileRules.value("attribute", value, ProfileRules.MAX_ATTRIBUTE);
        });
        try {
            return events.inTransaction(database, (c, changes) -> {
                Optional<String> canonical = customerId == null ? Optional.empty() : customers.canonical(c, customerId);
                if (canonical.isEmpty()) {
                    return false;
                }
                if (update(c, canonical.get(), source, values)) {
                    changes.add(ContextEvents.CUSTOMER_CHANGED, ContextEvents.CUSTOMER_ID, canonical.get(),
                            ContextEvents.ACTOR, source);
                }
                return true;
            });
        } catch (SQLException e) {
            throw new IngressUnavailableException("the attributes were not stored", e);
        }
    }

    /** Answers whether anything changed: a value the source already set is not written again. */
    private boolean update(Connection c, String customerId, String source, Map<String, String> values) throws SQLException {
        List<String> members = customers.members(c, customerId);
        Map<String, ProfileAttribute> current = new LinkedHashMap<>();
        attributes.attributes(c, members).forEach(a -> current.put(a.name(), a));
        boolean changed = false;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            ProfileAttribute now = current.get(entry.getKey());
            String value = entry.getValue();
            if (value == null || value.isEmpty()) {
                // Only the source that set a value may take it back: a CRM clearing a field never removes an agent's note.
                if (now != null && source.equals(now.source())) {
                    if (entry.getKey().equals("name")) {
                        IdentityCache.bump(c); // processing remembers who has a name; a channel may name them again
                    }
                    attributes.removeAttribute(c, members, entry.getKey());
                    changed = true;
                }
            } else if (now == null || !value.equals(now.value()) || !source.equals(now.source())) {
                attributes.setAttribute(c, customerId, entry.getKey(), value, source);
                changed = true;
            }
        }
        return changed;
    }

    @Override
    public LinkOutcome link(String customerId, Identifier identifier, String source) throws IngressUnavailableException {
        checkSource(source);
        if (identifier == null) {
            throw new IllegalArgumentException("an identifier is required");
        }
        // A WhatsApp number is also the phone number: both are linked, as processing links them.
        List<Identifier> keys = normalizer.normalize(List.of(identifier));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the " + identifier.type() + " identifier is not valid");
        }
        for (Identifier key : keys) {
            if (key.type().length() > MAX_TYPE || key.value().length() > MAX_VALUE) {
                throw new IllegalArgumentException("identifier types are limited to " + MAX_TYPE + " characters, values to "
                        + MAX_VALUE);
            }
        }
        try {
            try {
                return events.inTransaction(database, (c, changes) -> {
                    LinkOutcome outcome = link(c, customerId, keys, source, true);
                    if (outcome == LinkOutcome.LINKED) {
                        changes.add(ContextEvents.CUSTOMER_CHANGED, ContextEvents.CUSTOMER_ID,
                                customers.canonical(c, customerId).orElseThrow(), ContextEvents.ACTOR, source);
                    }
                    return outcome;
                });
            } catch (SQLException e) {
                if (!StoreFailures.isUniqueViolation(e)) {
                    throw e;
                }
                // Someone linked one of them meanwhile (a message from it was processed): answer as things are now.
                return database.read(c -> link(c, customerId, keys, source, false));
            }
        } catch (SQLException e) {
            throw new IngressUnavailableException("the identifier was not linked", e);
        }
    }

    /** What linking the keys does, and with {@code write} does it; an identifier another customer owns stays theirs. */
    private LinkOutcome link(Connection c, String customerId, List<Identifier> keys, String source, boolean write)
            throws SQLException {
        Optional<String> canonical = customerId == null ? Optional.empty() : customers.canonical(c, customerId);
        if (canonical.isEmpty()) {
            return LinkOutcome.NO_CUSTOMER;
        }
        List<String> members = customers.members(c, canonical.get());
        List<Identifier> unowned = new ArrayList<>();
        for (Identifier key : keys) {
            Optional<String> owner = customers.owner(c, key);
            if (owner.isPresent() && !members.contains(owner.get())) {
                return LinkOutcome.OWNED_BY_ANOTHER; // moving it would be a merge, which is an agent's decision
            }
            if (owner.isEmpty()) {
                unowned.add(key);
            }
        }
        if (unowned.isEmpty()) {
            return LinkOutcome.ALREADY_LINKED;
        }
        if (write) {
            for (Identifier key : unowned) {
                customers.link(c, canonical.get(), key, source, null, IdentityResolver.VERIFIED_CONFIDENCE);
            }
        }
        return LinkOutcome.LINKED;
    }

    @Override
    public boolean consent(String customerId, String channel, Purpose purpose, boolean granted, String evidence)
            throws IngressUnavailableException {
        if (purpose == null) {
            throw new IllegalArgumentException("purpose is required");
        }
        try {
            return customerId != null && profiles.recordConsent(customerId, channel, ConsentPurpose.valueOf(purpose.name()),
                    granted, CONSENT_SOURCE, evidence).isPresent();
        } catch (SQLException e) {
            throw new IngressUnavailableException("the consent was not stored", e);
        }
    }

    private static void checkSource(String source) {
        if (source == null || source.isBlank() || source.length() > MAX_SOURCE) {
            throw new IllegalArgumentException("a source of 1-" + MAX_SOURCE + " characters is required");
        }
    }

    private static CustomerView view(Customer customer) {
        Map<String, CustomerView.Attribute> attributes = new LinkedHashMap<>();
        customer.attributes().forEach(a -> attributes.put(a.name(), new CustomerView.Attribute(a.value(), a.source(), a.updatedAt())));
        return new CustomerView(customer.id(), customer.displayName(),
                customer.identifiers().stream().map(i -> new Identifier(i.type(), i.value())).toList(), attributes);
    }
}
