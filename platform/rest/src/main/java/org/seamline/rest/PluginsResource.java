package org.seamline.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.core.audit.AdminAudit;
import org.seamline.core.plugins.PluginException;
import org.seamline.core.plugins.PluginInfo;
import org.seamline.core.plugins.PluginRegistry;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.runtime.Caller;

/**
 * {@code /api/v1/plugins}: every deployed plugin with kind, version, state, health and instances; an upload
 * ({@code multipart/form-data}, part {@code file}: a plugin bundle jar) deploys one so its channel goes live without a
 * restart; stop, start and remove. Changes are an admin's (the guard's role table).
 */
@Component(service = PluginsResource.class)
@JakartarsResource
@JakartarsName("seamline.plugins")
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

    /** Plugin jars are small (the largest shipped is under 1 MB); the bound keeps a hostile upload off the disk. */
    static final long MAX_UPLOAD_BYTES = 32L * 1024 * 1024;

    private final PluginRegistry registry;
    private final AdminAudit audit;

    @Activate
    public PluginsResource(@Reference PluginRegistry registry, @Reference AdminAudit audit) {
        this.registry = registry;
        this.audit = audit;
    }

    @GET
    public Map<String, Object> list() {
        return Map.of("items", registry.plugins());
    }

    @GET
    @Path("{id}")
    public PluginInfo one(@PathParam("id") String id) {
        return registry.plugin(id).orElseThrow(() -> notFound(id));
    }

    /** 201 with the plugin once installed (its state says whether it started). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context HttpHeaders headers, InputStream body, @Context SecurityContext caller)
            throws IOException, PluginException {
        java.nio.file.Path jar = Files.createTempFile("seamline-plugin-", ".upload");
        try {
            FormFile.copy(headers, body, "file", MAX_UPLOAD_BYTES, jar);
            PluginInfo deployed = registry.deploy(jar);
            record(caller, "plugin.deployed", deployed.id(), "version " + deployed.version() + ", " + deployed.state());
            return Response.status(201).entity(deployed).build();
        } finally {
            Files.deleteIfExists(jar); // moved into deploy/ unless refused
        }
    }

    @POST
    @Path("{id}/stop")
    public PluginInfo stop(@PathParam("id") String id, @Context SecurityContext caller) throws PluginException {
        PluginInfo stopped = registry.stop(id).orElseThrow(() -> notFound(id));
        record(caller, "plugin.stopped", id, null);
        return stopped;
    }

    @POST
    @Path("{id}/start")
    public PluginInfo start(@PathParam("id") String id, @Context SecurityContext caller) throws PluginException {
        PluginInfo started = registry.start(id).orElseThrow(() -> notFound(id));
        record(caller, "plugin.started", id, null);
        return started;
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id, @Context SecurityContext caller) throws IOException, PluginException {
        if (!registry.remove(id)) {
            throw notFound(id);
        }
        record(caller, "plugin.removed", id, null);
        return Response.noContent().build();
    }

    private void record(SecurityContext caller, String action, String id, String details) {
        audit.record(Caller.name(caller), action, id, details);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no plugin " + id);
    }
}
