package org.seamline.crm.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.seamline.crm.jdbc.Catalog.Column;
import org.seamline.crm.jdbc.Catalog.Table;

/**
 * The configuration resolved against the database's metadata: every table and column as the database spells it,
 * quoted, ready to be put into SQL. Building it is the activation check; a wrong name fails with the setting named.
 */
record MappedSchema(Table customers, Column id, Column name, Column owner, Column segment, Column tags,
                    Column updatedAt, List<Column> emailColumns, List<Column> phoneColumns, Contacts contacts,
                    Activities activities) {

    /** The child table of contact mechanisms, when the layout has one. */
    record Contacts(Table table, Column key, Column type, Column value) {
    }

    record Activities(Table table, Column contact, Column interaction, Column kind, Column direction, Column at,
                      Column subject, Column body) {
    }

    static MappedSchema resolve(Connection connection, Settings settings) throws SQLException {
        Catalog catalog = new Catalog(connection);
        Table customers = catalog.table("table", settings.table());
        Contacts contacts = null;
        if (settings.contactTable() != null) {
            Settings.ContactTable c = settings.contactTable();
            Table table = catalog.table("contactTable", c.table());
            contacts = new Contacts(table, table.column("contactKeyColumn", c.keyColumn()),
                    table.column("contactTypeColumn", c.typeColumn()), table.column("contactValueColumn", c.valueColumn()));
        }
        Activities activities = null;
        if (settings.activityTable() != null) {
            Settings.ActivityTable a = settings.activityTable();
            Table table = catalog.table("activityTable", a.table());
            Column interaction = table.column("activityInteractionColumn", a.interactionColumn());
            if (!table.isUnique(interaction)) {
                throw new IllegalArgumentException("activityInteractionColumn: " + table.description() + "."
                        + interaction.name() + " needs a unique index, or a retried interaction could be logged twice");
            }
            activities = new Activities(table, table.column("activityContactColumn", a.contactColumn()), interaction,
                    table.column("activityKindColumn", a.kindColumn()),
                    table.columnOrNull("activityDirectionColumn", a.directionColumn()),
                    table.column("activityAtColumn", a.atColumn()),
                    table.columnOrNull("activitySubjectColumn", a.subjectColumn()),
                    table.column("activityBodyColumn", a.bodyColumn()));
        }
        return new MappedSchema(customers, customers.column("idColumn", settings.idColumn()),
                customers.columnOrNull("nameColumn", settings.nameColumn()),
                customers.columnOrNull("ownerColumn", settings.ownerColumn()),
                customers.columnOrNull("segmentColumn", settings.segmentColumn()),
                customers.columnOrNull("tagsColumn", settings.tagsColumn()),
                customers.column("updatedAtColumn", settings.updatedAtColumn()),
                settings.emailColumns().stream().map(c -> customers.column("emailColumns", c)).toList(),
                settings.phoneColumns().stream().map(c -> customers.column("phoneColumns", c)).toList(),
                contacts, activities);
    }

    /**
     * A contact id as the id column's type wants it bound; empty when it cannot be one (letters for a numeric
     * key): no such contact, rather than a database error.
     */
    Optional<Object> key(String contactId) {
        try {
            return Optional.of(switch (id.jdbcType()) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Long.valueOf(contactId.trim());
                case Types.NUMERIC, Types.DECIMAL -> new BigDecimal(contactId.trim());
                default -> "uuid".equalsIgnoreCase(id.typeName()) ? UUID.fromString(contactId.trim()) : contactId;
            });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
