package org.seamline.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline store", description = "Where the platform keeps its data. "
        + "An empty URL selects the embedded database in data/db.")
@interface StoreConfiguration {

    @AttributeDefinition(name = "JDBC URL", description = "jdbc:postgresql://host:5432/db, or empty for the embedded store")
    String url() default "";

    @AttributeDefinition(name = "User")
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "Maximum pool size")
    int maximumPoolSize() default 10;

    @AttributeDefinition(name = "Connection timeout (ms)",
            description = "Kept short: a webhook should fail fast with 503 rather than hang while the database is away")
    long connectionTimeoutMillis() default 2000;

    @AttributeDefinition(name = "Longest pause between connection attempts (ms)",
            description = "While the database cannot be reached at start, Seamline retries with exponential backoff "
                    + "up to this pause, and comes up as soon as the database answers")
    long reconnectMaxDelayMillis() default 10000;
}
