package org.seamline.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.seamline.core.users.UserException;

/** A refused change to users or tokens: 400, 403, 404 or 409 by its kind. */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("seamline.errors.users")
public class UserRefusalMapper implements ExceptionMapper<UserException> {

    @Override
    public Response toResponse(UserException e) {
        return switch (e.kind()) {
            case INVALID -> ApiErrors.of(400, "bad_request", e.getMessage());
            case FORBIDDEN -> ApiErrors.of(403, "forbidden", e.getMessage());
            case NOT_FOUND -> ApiErrors.of(404, "not_found", e.getMessage());
            case CONFLICT -> ApiErrors.of(409, "conflict", e.getMessage());
        };
    }
}
