package org.seamline.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.context.Conversations;
import org.seamline.context.InteractionEvent;
import org.seamline.rest.errors.ApiException;
import org.seamline.store.InboxStore;
import org.seamline.store.Interaction;
import org.seamline.store.Page;

/**
 * {@code /api/v1/interactions[?channel=&offset=&limit=]} (newest first) and {@code /api/v1/interactions/{id}}: the
 * messages in the durable inbox, each with what happened to it after it was accepted (a call's steps).
 */
@Component(service = InteractionsResource.class)
@JakartarsResource
@JakartarsName("seamline.interactions")
@Path("interactions")
@Produces(MediaType.APPLICATION_JSON)
public class InteractionsResource {

    private final InboxStore inbox;
    private final Conversations conversations;

    @Activate
    public InteractionsResource(@Reference InboxStore inbox, @Reference Conversations conversations) {
        this.inbox = inbox;
        this.conversations = conversations;
    }

    @GET
    public Map<String, Object> list(@QueryParam("channel") String channel, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) throws SQLException {
        Paging paging = Paging.of(offset, limit);
        // An unknown channel kind is a mistake to point out, not an empty list to answer.
        Page<Interaction> page = inbox.list(channel == null || channel.isBlank() ? null : conversations.channelKind(channel.strip()),
                paging.offset(), paging.limit());
        Map<String, List<InteractionEvent>> events = conversations.events(page.items().stream().map(Interaction::id).toList());
        return PageBody.of(page, i -> InteractionView.of(i, events.get(i.id())));
    }

    @GET
    @Path("{id}")
    public InteractionView one(@PathParam("id") String id) throws SQLException {
        Interaction found = inbox.find(id).orElseThrow(() -> ApiException.notFound("no interaction with id " + id));
        return InteractionView.of(found, conversations.events(List.of(id)).get(id));
    }
}
