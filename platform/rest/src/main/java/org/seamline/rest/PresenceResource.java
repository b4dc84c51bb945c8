package org.seamline.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.live.Presence;
import org.seamline.live.PresenceRefusedException;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.json.BodyLimit;
import org.seamline.rest.runtime.Caller;

/**
 * {@code POST /api/v1/presence {"conversationId", "state"}} → 204: the caller views, types in or left a conversation;
 * colleagues see it on their event streams.
 */
@Component(service = PresenceResource.class)
@JakartarsResource
@JakartarsName("seamline.presence")
@Path("presence")
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

    private static final int MAX_BODY = 1024;

    private final Presence presence;

    @Activate
    public PresenceResource(@Reference Presence presence) {
        this.presence = presence;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response announce(@BodyLimit(MAX_BODY) ObjectNode body, @Context SecurityContext caller) throws SQLException {
        String conversationId = JsonBodies.required(body, "conversationId");
        String state = JsonBodies.required(body, "state");
        try {
            presence.announce(Caller.of(caller), conversationId, state);
        } catch (PresenceRefusedException e) {
            throw new ApiException(e.status(), e.code(), e.getMessage());
        }
        return Response.noContent().build();
    }
}
