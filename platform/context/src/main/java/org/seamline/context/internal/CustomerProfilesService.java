package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.context.Consent;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ContextEvents;
import org.seamline.context.Customer;
import org.seamline.context.CustomerProfiles;
import org.seamline.context.ProfileChange;
import org.seamline.store.Database;

/** {@link CustomerProfiles} on the platform database: input checked first, then one transaction per change. */
@Component(service = CustomerProfiles.class)
public class CustomerProfilesService implements CustomerProfiles {

    private final Database database;
    private final EventPublisher events;
    private final ChannelAdapters channels;
    private final CustomerStore customers = new CustomerStore();
    private final ProfileStore profiles = new ProfileStore();

    @Activate
    public CustomerProfilesService(@Reference Database database, @Reference EventPublisher events,
                                   @Reference ChannelAdapters channels) {
        this.database = database;
        this.events = events;
        this.channels = channels;
    }

    @Override
    public Optional<Customer> change(String customerId, ProfileChange change, String source) throws SQLException {
        check(change);
        return events.inTransaction(database, (c, changes) -> {
            Optional<String> canonical = customers.canonical(c, customerId);
            if (canonical.isEmpty()) {
                return Optional.<Customer>empty();
            }
            String id = canonical.get();
            List<String> members = customers.members(c, id);
            for (Map.Entry<String, String> attribute : change.attributes().entrySet()) {
                if (attribute.getValue() == null) {
                    if (attribute.getKey().equals("name")) {
                        IdentityCache.bump(c); // processing remembers who has a name; a channel may name them again
                    }
                    profiles.removeAttribute(c, members, attribute.getKey());
                } else {
                    profiles.setAttribute(c, id, attribute.getKey(), attribute.getValue(), source);
                }
            }
            for (String tag : change.addTags()) {
                profiles.addTag(c, members, id, tag.strip(), source);
            }
            for (String tag : change.removeTags()) {
                profiles.removeTag(c, members, tag.strip());
            }
            preference(c, id, "preferred_channel", change.preferredChannel());
            preference(c, id, "preferred_language", change.preferredLanguage() == null || change.preferredLanguage().isEmpty()
                    ? change.preferredLanguage() : ProfileRules.language(change.preferredLanguage()));
            return changed(changes, customers.customer(c, id));
        });
    }

    @Override
    public Optional<Customer> recordConsent(String customerId, String channel, ConsentPurpose purpose, boolean granted,
                                            String source, String evidence) throws SQLException {
        channels.known("channel", channel, true);
        if (purpose == null) {
            throw new IllegalArgumentException("purpose must be service or marketing");
        }
        Consent consent = new Consent(channel, purpose, granted, source,
                ProfileRules.value("evidence", evidence, ProfileRules.MAX_EVIDENCE), Instant.now());
        return events.inTransaction(database, (c, changes) -> {
            Optional<String> canonical = customers.canonical(c, customerId);
            if (canonical.isEmpty()) {
                return Optional.<Customer>empty();
            }
            profiles.recordConsent(c, canonical.get(), consent);
            return changed(changes, customers.customer(c, canonical.get()));
        });
    }

    private static Optional<Customer> changed(EventPublisher.Pending changes, Optional<Customer> customer) {
        customer.ifPresent(changed -> changes.add(ContextEvents.CUSTOMER_CHANGED, ContextEvents.CUSTOMER_ID, changed.id()));
        return customer;
    }

    /** Empty clears, null leaves as is. */
    private void preference(Connection c, String customerId, String column, String value) throws SQLException {
        if (value != null) {
            customers.setPreference(c, customerId, column, value.isEmpty() ? null : value);
        }
    }

    /** Rejects the whole change before anything is written. */
    private void check(ProfileChange change) {
        change.attributes().forEach((name, value) -> {
            ProfileRules.name("attribute", name);
            ProfileRules.value("attribute", value, ProfileRules.MAX_ATTRIBUTE);
        });
        for (String tag : change.addTags()) {
            ProfileRules.name("tag", tag == null ? null : tag.strip());
        }
        if (change.preferredChannel() != null && !change.preferredChannel().isEmpty()) {
            channels.known("preferredChannel", change.preferredChannel(), false);
        }
        if (change.preferredLanguage() != null && !change.preferredLanguage().isEmpty()) {
            ProfileRules.language(change.preferredLanguage());
        }
    }
}
