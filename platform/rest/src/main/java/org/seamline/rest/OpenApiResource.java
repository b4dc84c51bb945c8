package org.seamline.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of this API, written by hand beside the resources;
 * {@code OpenApiDocumentTest} fails the build when it and the resources disagree on a path or method.
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JakartarsName("seamline.openapi")
@Path("openapi.json")
public class OpenApiResource {

    static final String DOCUMENT = "openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public InputStream document() {
        return OpenApiResource.class.getResourceAsStream(DOCUMENT);
    }
}
