package org.seamline.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other mapper takes is our fault: 500 with an incident id the caller can quote; the stack trace goes to
 * the log under the same id, never into the answer.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("seamline.errors.unexpected")
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error answering a REST request (incident {})", incident, e);
        return ApiErrors.of(500, "internal_error", "the server could not answer this request; incident " + incident);
    }
}
