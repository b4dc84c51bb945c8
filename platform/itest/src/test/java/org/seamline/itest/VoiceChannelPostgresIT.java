package org.seamline.itest;

import java.util.Map;

/**
 * {@link VoiceChannelIT} on a real PostgreSQL: calls, their events (recordings, transcripts, outcomes) and the
 * caller's recognition through the same HTTP API.
 */
class VoiceChannelPostgresIT extends VoiceChannelIT {

    @Override
    Map<String, String> environment() throws Exception {
        return PostgresServer.withNewDatabase(super.environment());
    }
}
