package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.api.message.Identifier;
import org.seamline.context.Customer;
import org.seamline.context.CustomerDirectory;
import org.seamline.store.Database;
import org.seamline.store.Page;

/** {@link CustomerDirectory} on the platform database. */
@Component(service = CustomerDirectory.class, configurationPid = ContextComponents.PID)
@Designate(ocd = ContextConfiguration.class)
public class CustomerDirectoryService implements CustomerDirectory {

    private final Database database;
    private final IdentifierNormalizer normalizer;
    private final CustomerStore customers = new CustomerStore();

    @Activate
    public CustomerDirectoryService(@Reference Database database, ContextConfiguration config) {
        this.database = database;
        this.normalizer = new IdentifierNormalizer(config.defaultRegion());
    }

    @Override
    public Optional<Customer> customer(String id) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return customers.customer(c, id);
        }
    }

    @Override
    public Optional<Customer> findByIdentifier(String type, String value) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            if (!IdentifierNormalizer.STANDARD_TYPES.contains(type) && !customers.hasType(c, type)) {
                throw new IllegalArgumentException("identifier type '" + type + "' is unknown; known: "
                        + String.join(", ", IdentifierNormalizer.STANDARD_TYPES) + " and types channels have recorded");
            }
            Optional<Identifier> key = normalizer.normalize(type, value);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> owner = customers.owner(c, key.get());
            return owner.isEmpty() ? Optional.empty() : customers.customer(c, owner.get());
        }
    }

    @Override
    public Page<Customer> search(String text, int offset, int limit) throws SQLException {
        if (text == null || text.isBlank()) {
            return customers(offset, limit);
        }
        return database.read(c -> {
            List<String> matches = customers.search(c, text.strip());
            List<String> page = matches.subList(Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()));
            return new Page<>(customers.customers(c, page), matches.size(), offset, limit);
        });
    }

    @Override
    public Page<Customer> customers(int offset, int limit) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return new Page<>(customers.customers(c, offset, limit), customers.count(c), offset, limit);
        }
    }
}
