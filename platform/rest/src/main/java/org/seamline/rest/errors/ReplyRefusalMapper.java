package org.seamline.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.seamline.context.ReplyException;

/** A reply that cannot be queued, with the code that says why (docs/api: replies). */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("seamline.errors.replies")
public class ReplyRefusalMapper implements ExceptionMapper<ReplyException> {

    @Override
    public Response toResponse(ReplyException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ApiErrors.of(404, "not_found", e.getMessage());
            case NO_CONSENT -> ApiErrors.of(403, "no_consent", e.getMessage());
            case UNREACHABLE -> ApiErrors.of(422, "unreachable", e.getMessage());
            case UNKNOWN_ATTACHMENT -> ApiErrors.of(422, "unknown_attachment", e.getMessage());
            case IDEMPOTENCY_KEY_REUSED -> ApiErrors.of(422, "idempotency_key_reused", e.getMessage());
            case TEMPLATE_REQUIRED -> ApiErrors.of(422, "template_required", e.getMessage());
        };
    }
}
