package org.seamline.store.internal;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.store.PluginTables;
import org.seamline.store.Database;
import org.seamline.store.migration.Migrations;

/**
 * {@link PluginTables}: a plugin's scripts run by the platform's own migration runner, recorded under the plugin's
 * owner name and under the same database-wide lock. Available once the {@link Database} is (its migrations ran).
 */
@Component(service = PluginTables.class)
public class PluginTablesService implements PluginTables {

    private final Database database;

    @Activate
    public PluginTablesService(@Reference Database database) {
        this.database = database;
    }

    @Override
    public DataSource migrate(String owner, ClassLoader loader, String folder) throws SQLException {
        if (loader == null || folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("a class loader and a folder are required");
        }
        Migrations.forOwner(owner, loader, folder).migrate(database.dataSource());
        return database.dataSource();
    }
}
