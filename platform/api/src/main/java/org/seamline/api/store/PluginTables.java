package org.seamline.api.store;

import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's database for a plugin's own tables (a connector's tokens and cursors). A plugin lists its SQL
 * scripts in {@code <folder>/index}, one file name per line ({@code V1__tokens.sql}, …), and calls
 * {@link #migrate} on activation. Scripts are applied once each, in order, recorded under the plugin's owner name,
 * and under a database-wide lock, so several nodes starting together on one PostgreSQL never apply one twice.
 * Prefix table names with the owner's short name: plugins share the schema.
 */
@ProviderType
public interface PluginTables {

    /**
     * Applies the owner's pending scripts and answers the data source to use for its tables.
     *
     * @param owner  a stable name, e.g. {@code crm.amocrm}; 1-64 letters, digits, {@code . _ -}
     * @param loader the class loader that sees the scripts (the plugin's own)
     * @throws java.sql.SQLException when a script fails (nothing of it is kept) or an applied one was changed
     */
    DataSource migrate(String owner, ClassLoader loader, String folder) throws java.sql.SQLException;
}
