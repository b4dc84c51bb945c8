package org.seamline.itest;

import java.util.Map;

/**
 * {@link EmailChannelIT} on a real PostgreSQL: the same whole-platform tests, through the same HTTP API
 * ({@link SeamlineProcess} checks the store it runs on).
 */
class EmailChannelPostgresIT extends EmailChannelIT {

    @Override
    Map<String, String> environment() throws Exception {
        return PostgresServer.withNewDatabase(super.environment());
    }
}
