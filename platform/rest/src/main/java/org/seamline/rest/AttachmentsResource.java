package org.seamline.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.core.http.RequestBodies;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.runtime.Caller;
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
@Component(service = AttachmentsResource.class)
@JakartarsResource
@JakartarsName("seamline.attachments")
@Path("attachments")
public class AttachmentsResource {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentsResource.class);

    /** Larger files are refused: mail servers commonly take 25 MB, base64 makes a file a third larger. */
    static final int MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
    /** Uploaded files are kept as coming from agents, apart from any channel's. */
    static final String UPLOADS = "agent";

    private final Attachments attachments;
    private final AttachmentStore store;

    @Activate
    public AttachmentsResource(@Reference Attachments attachments, @Reference AttachmentStore store) {
        this.attachments = attachments;
        this.store = store;
    }

    /** Any content type: the file is stored as sent, under the type it was sent with. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("name") String name, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") String contentLength, InputStream body, @Context SecurityContext caller)
            throws IOException {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("name the file: POST /attachments?name=invoice.pdf");
        }
        byte[] content;
        try {
            if (contentLength != null && Long.parseLong(contentLength.strip()) > MAX_UPLOAD_BYTES) {
                throw new PayloadTooLargeException(MAX_UPLOAD_BYTES);
            }
            content = RequestBodies.read(body, MAX_UPLOAD_BYTES);
        } catch (PayloadTooLargeException e) {
            throw new ApiException(413, "payload_too_large", e.getMessage());
        }
        if (content.length == 0) {
            throw ApiException.badRequest("the file is empty");
        }
        try {
            Attachment stored = store.store(UPLOADS, Caller.name(caller), name, contentType, content);
            String id = AttachmentStore.idOf(stored.url()).orElseThrow();
            return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("id", id, "name", stored.name(),
                    "contentType", stored.contentType(), "size", stored.size())).build();
        } catch (IngressUnavailableException e) {
            LOG.warn("Upload not stored: {}", e.getMessage());
            throw new ApiException(503, "unavailable", "the file could not be stored now; try again");
        }
    }

    @GET
    @Path("{id}")
    public Response download(@PathParam("id") String id) throws SQLException {
        StoredFile file = attachments.file(id).orElseThrow(() -> ApiException.notFound("no attachment with id " + id));
        return Response.ok(file.content(), file.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", ContentDisposition.attachment(file.name()))
                .build();
    }
}
