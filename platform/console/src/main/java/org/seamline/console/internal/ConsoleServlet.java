package org.seamline.console.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.core.http.JsonResponses;

/**
 * Serves the console's built files (the bundle's {@code console/} folder) at {@code /console/}. The files hold no
 * data, so anyone may fetch them; everything they show comes from {@code /api/v1}, which the guard authenticates.
 * Every answer carries a strict Content-Security-Policy: the page loads nothing but its own files and talks to
 * nothing but this server, and no other site may frame it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ConsoleServlet.PATH, ConsoleServlet.PATH + "/*"})
public class ConsoleServlet extends HttpServlet {

    static final String PATH = "/console";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    private static final long serialVersionUID = 1L;

    private final transient BundleContext bundle;

    @Activate
    public ConsoleServlet(BundleContext bundle) {
        this.bundle = bundle;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = StaticFiles.resolve(request.getPathInfo());
        if (file == null) {
            // "/console" without the slash: relative asset paths need the folder form.
            response.sendRedirect(request.getContextPath() + PATH + "/");
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        URL resource = StaticFiles.isServable(file) ? bundle.getBundle().getEntry(StaticFiles.ROOT + file) : null;
        if (resource == null) {
            JsonResponses.error(response, 404, "not_found", "no such console file");
            return;
        }
        response.setContentType(StaticFiles.contentType(file));
        response.setHeader("Cache-Control", StaticFiles.cacheControl(file));
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
