package org.seamline.itest;

import java.util.Map;

/**
 * {@link ReplyIT} on a real PostgreSQL: the same whole-platform tests, through the same HTTP API
 * ({@link SeamlineProcess} checks the store it runs on).
 */
class ReplyPostgresIT extends ReplyIT {

    @Override
    Map<String, String> environment() throws Exception {
        return PostgresServer.withNewDatabase(super.environment());
    }
}
