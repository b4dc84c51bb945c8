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
import java.util.Map;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.RequestBodies;
import org.seamline.core.security.ApiContext;
import org.seamline.store.Attachments;
import org.seamline.store.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/attachments/{id}}: a file that came with a message (its URL in the message is
 * {@code seamline:attachment:<id>}), always as a download, never rendered by the browser.
 * {@code POST /api/v1/attachments?name=<file name>}: uploads a file (the body, typed by its Content-Type) for a
 * reply to send; answers its id.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/attachments/*")
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class AttachmentsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentsServlet.class);

    /** Larger files are refused: mail servers commonly take 25 MB, base64 makes a file a third larger. */
    static final int MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
    /** Uploaded files are kept as coming from agents, apart from any channel's. */
    static final String UPLOADS = "agent";

    private final transient Attachments attachments;
    private final transient AttachmentStore store;

    @Activate
    public AttachmentsServlet(@Reference Attachments attachments, @Reference AttachmentStore store) {
        this.attachments = attachments;
        this.store = store;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length > 0 && !parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "POST /attachments?name=<file name>");
            return;
        }
        String name = request.getParameter("name");
        if (name == null || name.isBlank()) {
            JsonResponses.error(response, 400, "bad_request", "name the file: POST /attachments?name=invoice.pdf");
            return;
        }
        StoreErrors.answering(response, LOG, () -> {
            byte[] content = RequestBodies.read(request, MAX_UPLOAD_BYTES);
            if (content.length == 0) {
                JsonResponses.error(response, 400, "bad_request", "the file is empty");
                return;
            }
            try {
                Attachment stored = store.store(UPLOADS, request.getRemoteUser(), name, request.getContentType(), content);
                String id = AttachmentStore.idOf(stored.url()).orElseThrow();
                JsonResponses.write(response, 201, Map.of("id", id, "name", stored.name(), "contentType", stored.contentType(),
                        "size", stored.size()));
            } catch (IngressUnavailableException e) {
                LOG.warn("Upload not stored: {}", e.getMessage());
                JsonResponses.error(response, 503, "unavailable", "the file could not be stored now; try again");
            }
        });
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
            response.setHeader("Content-Disposition", ContentDisposition.attachment(file.get().name()));
            response.setContentLength(file.get().content().length);
            response.getOutputStream().write(file.get().content());
        });
    }
}
