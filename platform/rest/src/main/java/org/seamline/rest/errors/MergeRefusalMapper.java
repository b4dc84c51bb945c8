package org.seamline.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.seamline.context.MergeException;

/** A merge or unmerge that cannot be done: 404 for an unknown customer or merge, 409 otherwise. */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("seamline.errors.merges")
public class MergeRefusalMapper implements ExceptionMapper<MergeException> {

    @Override
    public Response toResponse(MergeException e) {
        return e.kind() == MergeException.Kind.NOT_FOUND ? ApiErrors.of(404, "not_found", e.getMessage())
                : ApiErrors.of(409, "conflict", e.getMessage());
    }
}
