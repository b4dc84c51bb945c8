package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.customer.CustomerSignals;
import org.seamline.api.customer.Purpose;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.CustomerProfiles;
import org.seamline.store.Database;

/**
 * {@link CustomerSignals}: a channel's identifier resolved to the customer who owns it now, then the same paths an
 * agent's consent change and a provider's bounce take.
 */
@Component(service = CustomerSignals.class, configurationPid = ContextComponents.PID)
public class CustomerSignalsService implements CustomerSignals {

    private final Database database;
    private final CustomerProfiles profiles;
    private final ChannelAdapters channels;
    private final IdentifierNormalizer normalizer;
    private final CustomerStore customers = new CustomerStore();
    private final ServiceWindowStore windows = new ServiceWindowStore();

    @Activate
    public CustomerSignalsService(@Reference Database database, @Reference CustomerProfiles profiles,
                                  @Reference ChannelAdapters channels, ContextConfiguration config) {
        this.database = database;
        this.profiles = profiles;
        this.channels = channels;
        this.normalizer = new IdentifierNormalizer(config.defaultRegion());
    }

    @Override
    public boolean consent(String channel, String instance, Identifier identifier, Purpose purpose, boolean granted,
                           String evidence) throws IngressUnavailableException {
        if (purpose == null) {
            throw new IllegalArgumentException("purpose is required");
        }
        channels.known("channel", channel, false); // a channel speaks for itself, never for every channel
        try {
            Optional<String> owner = owner(identifier);
            return owner.isPresent() && profiles.recordConsent(owner.get(), channel, ConsentPurpose.valueOf(purpose.name()),
                    granted, channel + "/" + instance, evidence).isPresent();
        } catch (SQLException e) {
            throw new IngressUnavailableException("the consent was not stored", e);
        }
    }

    @Override
    public boolean unreachable(String channel, String instance, Identifier identifier, String reason)
            throws IngressUnavailableException {
        channels.known("channel", channel, false);
        Optional<Identifier> address = normalizer.normalize(identifier.type(), identifier.value());
        String why = reason == null || reason.isBlank() ? "unreachable" : reason;
        try {
            return address.isPresent() && database.inTransaction(c -> {
                if (customers.owner(c, address.get()).isEmpty()) {
                    return false;
                }
                customers.markUndeliverable(c, address.get(), why);
                return true;
            });
        } catch (SQLException e) {
            throw new IngressUnavailableException("the unreachable address was not stored", e);
        }
    }

    @Override
    public boolean serviceWindow(String channel, String instance, Identifier identifier, Instant openUntil)
            throws IngressUnavailableException {
        String kind = channels.known("channel", channel, false);
        if (openUntil == null) {
            throw new IllegalArgumentException("openUntil is required");
        }
        try {
            return database.inTransaction(c -> {
                Optional<String> owner = owner(c, identifier);
                if (owner.isPresent()) {
                    windows.record(c, owner.get(), kind, openUntil);
                }
                return owner.isPresent();
            });
        } catch (SQLException e) {
            throw new IngressUnavailableException("the service window was not stored", e);
        }
    }

    @Override
    public Optional<Instant> serviceWindowUntil(String channel, Identifier identifier) throws IngressUnavailableException {
        String kind = channels.known("channel", channel, false);
        try {
            return database.read(c -> {
                Optional<String> owner = owner(c, identifier);
                return owner.isEmpty() ? Optional.<Instant>empty()
                        : windows.openUntil(c, customers.members(c, owner.get()), kind);
            });
        } catch (SQLException e) {
            throw new IngressUnavailableException("the service window could not be read", e);
        }
    }

    private Optional<String> owner(Identifier identifier) throws SQLException {
        return database.read(c -> owner(c, identifier));
    }

    /** The canonical customer who owns the identifier, as the platform normalises it. */
    private Optional<String> owner(Connection c, Identifier identifier) throws SQLException {
        Optional<Identifier> key = normalizer.normalize(identifier.type(), identifier.value());
        Optional<String> owner = key.isEmpty() ? Optional.empty() : customers.owner(c, key.get());
        return owner.isEmpty() ? owner : customers.canonical(c, owner.get());
    }
}
