package org.seamline.store;

import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/** The platform database, migrated and pooled. Registered only once its migrations have run. */
@ProviderType
public interface Database {

    enum Dialect { H2, POSTGRESQL }

    DataSource dataSource();

    Dialect dialect();

    /** Where the data lives, without credentials: for logs and health output. */
    String description();
}
