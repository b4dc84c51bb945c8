package org.seamline.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.core.security.ApiContext;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of this API, kept beside the servlets. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/openapi.json")
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class OpenApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream document = OpenApiServlet.class.getResourceAsStream("openapi.json")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            document.transferTo(response.getOutputStream());
        }
    }
}
