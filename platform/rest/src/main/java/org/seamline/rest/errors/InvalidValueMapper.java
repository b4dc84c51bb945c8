package org.seamline.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/** The services refuse a value they cannot take (an unknown channel, a malformed language tag) this way: the client's 400. */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("seamline.errors.invalid")
public class InvalidValueMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return ApiErrors.of(400, "bad_request", e.getMessage());
    }
}
