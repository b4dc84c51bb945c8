package org.seamline.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.core.config.InstanceSettings;
import org.seamline.core.config.PluginSettings;
import org.seamline.core.config.SettingsException;
import org.seamline.core.config.SettingsForm;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.json.BodyLimit;
import org.seamline.rest.runtime.Caller;

/**
 * Plugin instances, configured as their {@code etc/} files:
 * {@code GET /api/v1/settings} (the forms, from each plugin's metatype, in the caller's language),
 * {@code GET /api/v1/settings/{factoryPid}} (its instances), {@code GET|PUT|DELETE /api/v1/settings/{factoryPid}/{name}}.
 * A change sends the {@code revision} it read (in the body, or {@code If-Match}); secrets are never sent back.
 */
@Component(service = SettingsResource.class)
@JakartarsResource
@JakartarsName("seamline.settings")
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private static final int MAX_BODY = 65_536;

    private final PluginSettings settings;

    @Activate
    public SettingsResource(@Reference PluginSettings settings) {
        this.settings = settings;
    }

    @GET
    public Map<String, Object> forms(@Context HttpHeaders headers) {
        Locale locale = headers.getAcceptableLanguages().isEmpty() ? Locale.ENGLISH : headers.getAcceptableLanguages().get(0);
        List<SettingsForm> forms = settings.forms(locale);
        return Map.of("forms", forms);
    }

    @GET
    @Path("{factoryPid}")
    public Map<String, Object> instances(@PathParam("factoryPid") String factoryPid) throws SettingsException, IOException {
        return Map.of("instances", settings.instances(factoryPid));
    }

    @GET
    @Path("{factoryPid}/{name}")
    public Response instance(@PathParam("factoryPid") String factoryPid, @PathParam("name") String name)
            throws SettingsException, IOException {
        InstanceSettings instance = settings.instance(factoryPid, name)
                .orElseThrow(() -> ApiException.notFound("no instance '" + name + "' of " + factoryPid));
        return Response.ok(instance).tag(instance.revision()).build();
    }

    /** Creates the instance (no revision) or changes it; 201 or 200 with the instance as saved. */
    @PUT
    @Path("{factoryPid}/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("factoryPid") String factoryPid, @PathParam("name") String name,
                         @BodyLimit(MAX_BODY) ObjectNode body, @HeaderParam("If-Match") String ifMatch,
                         @Context SecurityContext caller) throws SettingsException, IOException {
        String revision = revision(JsonBodies.text(body, "revision"), ifMatch);
        InstanceSettings saved = settings.save(factoryPid, name, values(body.get("values")), revision, Caller.name(caller));
        return Response.status(revision == null ? 201 : 200).entity(saved).tag(saved.revision()).build();
    }

    @DELETE
    @Path("{factoryPid}/{name}")
    public Response delete(@PathParam("factoryPid") String factoryPid, @PathParam("name") String name,
                           @QueryParam("revision") String revision, @HeaderParam("If-Match") String ifMatch,
                           @Context SecurityContext caller) throws SettingsException, IOException {
        settings.delete(factoryPid, name, revision(revision, ifMatch), Caller.name(caller));
        return Response.noContent().build();
    }

    private static String revision(String given, String ifMatch) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }

    /** {@code {"id": "value"}} or {@code {"id": ["a", "b"]}}; null clears a setting. */
    private static Map<String, List<String>> values(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("values must be an object of setting ids");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            List<String> list = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(item -> list.add(scalar(field.getKey(), item)));
            } else if (!value.isNull()) {
                list.add(scalar(field.getKey(), value));
            }
            values.put(field.getKey(), list);
        });
        return values;
    }

    private static String scalar(String id, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw ApiException.badRequest(id + " must be a string, number, boolean or a list of them");
        }
        return value.asText();
    }
}
