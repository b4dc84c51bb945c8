package org.seamline.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.seamline.core.config.SettingsException;

/**
 * Refused settings: 422 {@code invalid_settings} with {@code fields} (setting id → what is wrong) for the console to
 * show beside each field, 409 when the instance changed meanwhile or exists, 404 when it or its plugin does not.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("seamline.errors.settings")
public class SettingsRefusalMapper implements ExceptionMapper<SettingsException> {

    @Override
    public Response toResponse(SettingsException e) {
        return switch (e.kind()) {
            case INVALID -> ApiErrors.answer(422, "invalid_settings", e.getMessage(), Map.of("fields", e.fieldErrors())).build();
            case CONFLICT -> ApiErrors.of(409, "conflict", e.getMessage());
            case NOT_FOUND -> ApiErrors.of(404, "not_found", e.getMessage());
        };
    }
}
