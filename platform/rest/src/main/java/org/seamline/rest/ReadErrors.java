package org.seamline.rest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.seamline.core.http.JsonResponses;
import org.slf4j.Logger;

/** The error answers every read endpoint shares: a malformed query is the client's 400, an unreachable store a 503. */
final class ReadErrors {

    /** A read that may fail on its query or on the store. */
    interface Read {
        void run() throws IOException, SQLException;
    }

    private ReadErrors() {
    }

    static void answering(HttpServletResponse response, Logger log, Read read) throws IOException {
        try {
            read.run();
        } catch (QueryParameters.BadRequestException e) {
            JsonResponses.error(response, 400, "bad_request", e.getMessage());
        } catch (SQLException e) {
            log.warn("Reading from the store failed: {}", e.getMessage());
            JsonResponses.error(response, 503, "store_unavailable", "the store cannot be read right now");
        }
    }
}
