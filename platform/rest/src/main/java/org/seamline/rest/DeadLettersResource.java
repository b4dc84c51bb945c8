package org.seamline.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.context.DeadLetters;
import org.seamline.core.audit.AdminAudit;
import org.seamline.context.FailedReply;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.runtime.Caller;
import org.seamline.store.InboxStore;
import org.seamline.store.SetAside;

/**
 * {@code GET /api/v1/dead-letters}: inbound messages the processor set aside and replies that failed for good, each
 * with its reason. {@code POST /api/v1/dead-letters/messages/{id}/retry} and {@code …/replies/{id}/retry} put one
 * back to work once the cause is fixed; {@code …/discard} gives up on one for good, in the audit trail.
 */
@Component(service = DeadLettersResource.class)
@JakartarsResource
@JakartarsName("seamline.dead-letters")
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    private final DeadLetters deadLetters;
    private final InboxStore inbox;
    private final AdminAudit audit;

    @Activate
    public DeadLettersResource(@Reference DeadLetters deadLetters, @Reference InboxStore inbox, @Reference AdminAudit audit) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.audit = audit;
    }

    /**
     * Both lists paged alike: the same {@code offset} and {@code limit} apply to each, and {@code nextOffset} is
     * present while either list goes on.
     */
    @GET
    public Map<String, Object> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit)
            throws SQLException {
        Paging paging = Paging.of(offset, limit);
        // One more than asked tells whether a list goes on.
        List<SetAside> messages = inbox.setAside(paging.offset(), paging.limit() + 1);
        List<FailedReply> replies = deadLetters.failedReplies(paging.offset(), paging.limit() + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages.stream().limit(paging.limit()).map(DeadLettersResource::view).toList());
        body.put("replies", replies.stream().limit(paging.limit()).toList());
        body.put("offset", paging.offset());
        body.put("limit", paging.limit());
        if (messages.size() > paging.limit() || replies.size() > paging.limit()) {
            body.put("nextOffset", (long) paging.offset() + paging.limit());
        }
        return body;
    }

    /** A set-aside message; one whose stored form is unreadable shows its id and reason without the message. */
    private static Map<String, Object> view(SetAside aside) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("interactionId", aside.interactionId());
        aside.interaction().ifPresent(interaction -> view.put("interaction", InteractionView.of(interaction, List.of())));
        view.put("reason", aside.reason());
        return view;
    }

    @POST
    @Path("messages/{id}/retry")
    public Map<String, Object> retryMessage(@PathParam("id") String id) throws SQLException {
        if (!inbox.retry(id)) {
            throw ApiException.notFound("no dead letter " + id + " among the messages");
        }
        return Map.of("retried", id);
    }

    @POST
    @Path("replies/{id}/retry")
    public Map<String, Object> retryReply(@PathParam("id") String id, @Context SecurityContext caller) throws SQLException {
        if (!deadLetters.retryReply(id, Caller.name(caller))) {
            throw ApiException.notFound("no dead letter " + id + " among the replies");
        }
        return Map.of("retried", id);
    }

    /** Of two supervisors retrying and discarding one letter at once, one succeeds and the other gets 404. */
    @POST
    @Path("messages/{id}/discard")
    public Map<String, Object> discardMessage(@PathParam("id") String id, @Context SecurityContext caller) throws SQLException {
        if (!inbox.discard(id, Caller.name(caller))) {
            throw ApiException.notFound("no dead letter " + id + " among the messages");
        }
        audit.record(Caller.name(caller), "dead-letter.discard", "message " + id, null);
        return Map.of("discarded", id);
    }

    @POST
    @Path("replies/{id}/discard")
    public Map<String, Object> discardReply(@PathParam("id") String id, @Context SecurityContext caller) throws SQLException {
        if (!deadLetters.discardReply(id, Caller.name(caller))) {
            throw ApiException.notFound("no dead letter " + id + " among the replies");
        }
        audit.record(Caller.name(caller), "dead-letter.discard", "reply " + id, null);
        return Map.of("discarded", id);
    }
}
