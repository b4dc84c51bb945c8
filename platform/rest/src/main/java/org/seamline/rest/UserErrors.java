package org.seamline.rest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.users.UserException;
import org.slf4j.Logger;

/** The answers of the user and token endpoints: {@link StoreErrors}' and a refused change's 400, 403, 404 or 409. */
final class UserErrors {

    /** Work on users or tokens that may be refused. */
    interface Work {
        void run() throws IOException, SQLException, UserException;
    }

    private UserErrors() {
    }

    static void answering(HttpServletResponse response, Logger log, Work work) throws IOException {
        StoreErrors.answering(response, log, () -> {
            try {
                work.run();
            } catch (UserException e) {
                switch (e.kind()) {
                    case INVALID -> JsonResponses.error(response, 400, "bad_request", e.getMessage());
                    case FORBIDDEN -> JsonResponses.error(response, 403, "forbidden", e.getMessage());
                    case NOT_FOUND -> JsonResponses.error(response, 404, "not_found", e.getMessage());
                    case CONFLICT -> JsonResponses.error(response, 409, "conflict", e.getMessage());
                }
            }
        });
    }
}
