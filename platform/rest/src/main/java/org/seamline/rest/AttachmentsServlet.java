package org.seamline.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.seamline.store.Attachments;
import org.seamline.store.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/attachments/{id}}: a file that came with a message (its URL in the message is
 * {@code seamline:attachment:<id>}), always as a download, never rendered by the browser.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/attachments/*")
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class AttachmentsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentsServlet.class);

    private final transient Attachments attachments;

    @Activate
    public AttachmentsServlet(@Reference Attachments attachments) {
        this.attachments = attachments;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length != 1 || parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "GET /attachments/{id}");
            return;
        }
        StoreErrors.answering(response, LOG, () -> {
            Optional<StoredFile> file = attachments.file(parts[0]);
            if (file.isEmpty()) {
                JsonResponses.error(response, 404, "not_found", "no attachment with id " + parts[0]);
                return;
            }
            response.setStatus(200);
            response.setContentType(file.get().contentType());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + file.get().name().replace("\"", "_") + "\"");
            response.setContentLength(file.get().content().length);
            response.getOutputStream().write(file.get().content());
        });
    }
}
