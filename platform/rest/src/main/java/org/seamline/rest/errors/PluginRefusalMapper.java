package org.seamline.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.seamline.core.plugins.PluginException;

/** A plugin upload that is no plugin (400), one the framework refused (409), one not picked up in time (503). */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("seamline.errors.plugins")
public class PluginRefusalMapper implements ExceptionMapper<PluginException> {

    @Override
    public Response toResponse(PluginException e) {
        return switch (e.kind()) {
            case INVALID -> ApiErrors.of(400, "invalid_plugin", e.getMessage());
            case FAILED -> ApiErrors.of(409, "plugin_failed", e.getMessage());
            case PENDING -> ApiErrors.answer(503, "plugin_pending", e.getMessage()).header("Retry-After", "5").build();
        };
    }
}
