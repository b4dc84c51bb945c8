package org.seamline.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.plugins.PluginRegistry;
import org.seamline.core.security.ApiContext;

/** {@code GET /api/v1/plugins}: every deployed plugin with kind, version, state, health and instances. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/plugins")
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class PluginsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PluginRegistry registry;

    @Activate
    public PluginsServlet(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.write(response, 200, Map.of("items", registry.plugins()));
    }
}
