package org.seamline.core.http.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.seamline.core.http.JsonResponses;

/**
 * The error page of every servlet context: an error a servlet or the whiteboard sends without a body of its own (no
 * servlet at that path, a servlet that threw) is answered as JSON like every other error, never an HTML page or a
 * stack trace.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx"})
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class JsonErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<Integer, String> CODES = Map.of(400, "bad_request", 401, "unauthorized", 403, "forbidden",
            404, "not_found", 405, "method_not_allowed", 408, "request_timeout", 413, "payload_too_large",
            415, "unsupported_media_type", 500, "internal_error", 503, "unavailable");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        String error = CODES.getOrDefault(status, status < 500 ? "client_error" : "server_error");
        JsonResponses.error(response, status, error, status == 404 ? "nothing is served at this path"
                : status >= 500 ? "the server could not answer this request; see the server log"
                : "the request was refused (" + status + ")");
    }
}
