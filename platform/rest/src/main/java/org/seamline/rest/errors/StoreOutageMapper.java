package org.seamline.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.seamline.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The store could not be reached: 503 with Retry-After, and nothing changed (every change is one transaction). */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("seamline.errors.store")
public class StoreOutageMapper implements ExceptionMapper<SQLException> {

    /** Seconds a client should wait; a pool reconnects within a few. */
    static final String RETRY_AFTER = "5";
    private static final Logger LOG = LoggerFactory.getLogger(StoreOutageMapper.class);

    @Override
    public Response toResponse(SQLException e) {
        LOG.warn("Store access failed: {}", StoreFailures.describe(e));
        return ApiErrors.answer(503, "store_unavailable", "the store is unavailable right now; nothing changed")
                .header("Retry-After", RETRY_AFTER).build();
    }
}
