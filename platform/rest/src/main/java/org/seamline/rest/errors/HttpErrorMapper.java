package org.seamline.rest.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * What Jersey itself refuses (no resource at the path 404, a method the path does not take 405, a body type no method
 * consumes 415, a query parameter that does not convert 404/400 …) as the JSON error; headers it set, such as
 * {@code Allow}, stay. Jersey's own message may name classes, so the caller gets ours.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("seamline.errors.http")
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"bad_request", "the request is malformed"},
            404, new String[] {"not_found", "nothing is served at this path"},
            405, new String[] {"method_not_allowed", "this path does not take that method"},
            406, new String[] {"not_acceptable", "answers here are application/json"},
            413, new String[] {"payload_too_large", "the request body is too large"},
            415, new String[] {"unsupported_media_type", "the body must be sent as Content-Type: application/json"});

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String[] known = KNOWN.getOrDefault(status, new String[] {status < 500 ? "client_error" : "server_error",
                status < 500 ? "the request was refused (" + status + ")" : "the server could not answer this request"});
        Response.ResponseBuilder answer = ApiErrors.answer(status, known[0], known[1]);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }
}
