package org.seamline.rest;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.store.StoreFailures;
import org.slf4j.Logger;

/**
 * The error answers every store-backed endpoint shares: a malformed query or body, or a value the service refuses,
 * is the client's 400 (413 when too large, 415 when not sent as JSON); an unreachable store a 503. In every case
 * nothing changed.
 */
final class StoreErrors {

    /** Work that may fail on its query or on the store. */
    interface Work {
        void run() throws IOException, SQLException;
    }

    private StoreErrors() {
    }

    static void answering(HttpServletResponse response, Logger log, Work work) throws IOException {
        try {
            work.run();
        } catch (JsonBodies.NotJsonException e) {
            JsonResponses.error(response, 415, "unsupported_media_type", e.getMessage());
        } catch (PayloadTooLargeException e) {
            JsonResponses.tooLarge(response, e);
        } catch (JacksonException e) {
            JsonResponses.error(response, 400, "bad_request", "body is not valid JSON: " + e.getOriginalMessage());
        } catch (QueryParameters.BadRequestException | IllegalArgumentException e) {
            JsonResponses.error(response, 400, "bad_request", e.getMessage());
        } catch (SQLException e) {
            log.warn("Store access failed: {}", StoreFailures.describe(e));
            JsonResponses.error(response, 503, "store_unavailable", "the store is unavailable right now; nothing changed");
        }
    }
}
