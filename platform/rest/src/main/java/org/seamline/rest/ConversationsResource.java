package org.seamline.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationQuery;
import org.seamline.context.ConversationStatus;
import org.seamline.context.Conversations;
import org.seamline.context.QueuedReply;
import org.seamline.context.Replies;
import org.seamline.context.ReplyException;
import org.seamline.context.ReplyTemplate;
import org.seamline.core.users.Users;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.json.BodyLimit;
import org.seamline.rest.runtime.Caller;

/**
 * {@code /api/v1/conversations}: the list (most recent first, paged, filtered by customer, status, channel), one
 * conversation, its messages (oldest first, paged), a reply ({@code Idempotency-Key} honoured; 403 without consent;
 * 422 {@code template_required} for free text once the customer's service window closed), an internal note, and
 * changes of status, assignee and variables.
 */
@Component(service = ConversationsResource.class)
@JakartarsResource
@JakartarsName("seamline.conversations")
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    private static final int MAX_BODY = 65_536;

    private final Conversations conversations;
    private final Replies replies;
    private final Users users;

    @Activate
    public ConversationsResource(@Reference Conversations conversations, @Reference Replies replies,
                                 @Reference Users users) {
        this.conversations = conversations;
        this.replies = replies;
        this.users = users;
    }

    @GET
    public Map<String, Object> list(@QueryParam("customerId") String customerId, @QueryParam("status") String status,
            @QueryParam("channel") String channel, @QueryParam("assignee") String assignee,
            @QueryParam("unassigned") String unassigned, @QueryParam("team") String team,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) throws SQLException {
        Paging paging = Paging.of(offset, limit);
        boolean nobody = unassigned != null && unassigned.strip().equalsIgnoreCase("true");
        int whoFilters = (nobody ? 1 : 0) + (blankToNull(assignee) != null ? 1 : 0) + (blankToNull(team) != null ? 1 : 0);
        if (whoFilters > 1) {
            throw ApiException.badRequest("ask for one of assignee, team or unassigned conversations");
        }
        return PageBody.of(conversations.conversations(new ConversationQuery(blankToNull(customerId), status(status),
                blankToNull(channel), blankToNull(assignee), nobody, teamAssignees(blankToNull(team))),
                paging.offset(), paging.limit()));
    }

    /** A team's conversations are those assigned to the team itself or to one of its enabled members. */
    private List<String> teamAssignees(String team) throws SQLException {
        if (team == null) {
            return null;
        }
        List<String> assignees = new ArrayList<>(users.members(team));
        assignees.add(team);
        return assignees;
    }

    @GET
    @Path("{id}")
    public Conversation one(@PathParam("id") String id) throws SQLException {
        return conversations.conversation(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/messages")
    public Map<String, Object> messages(@PathParam("id") String id, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) throws SQLException {
        Paging paging = Paging.of(offset, limit);
        if (conversations.conversation(id).isEmpty()) {
            throw notFound(id);
        }
        return PageBody.of(conversations.messages(id, paging.offset(), paging.limit()));
    }

    /** A reply: 202 once queued, 200 for a repeat of the same {@code Idempotency-Key}. */
    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("id") String id, @BodyLimit(MAX_BODY) ObjectNode body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) throws SQLException, ReplyException {
        String text = JsonBodies.required(body, "text");
        String purpose = JsonBodies.text(body, "purpose");
        QueuedReply reply = replies.reply(id, text, JsonBodies.stringList(body, "attachments"), JsonBodies.text(body, "channel"),
                purpose == null ? ConsentPurpose.SERVICE : CustomersResource.purpose(purpose), template(body), idempotencyKey);
        return Response.status(reply.duplicate() ? 200 : 202).entity(reply).build();
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response note(@PathParam("id") String id, @BodyLimit(MAX_BODY) ObjectNode body, @Context SecurityContext caller)
            throws SQLException {
        String text = JsonBodies.required(body, "text");
        if (!conversations.note(id, text, Caller.name(caller))) {
            throw notFound(id);
        }
        return Response.status(201).entity(Map.of("conversationId", id, "kind", "note")).build();
    }

    /** {@code {"status"?, "assignee"?, "variables"?}}. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Conversation change(@PathParam("id") String id, @BodyLimit(MAX_BODY) ObjectNode body, @Context SecurityContext caller)
            throws SQLException {
        ConversationChange change = new ConversationChange(status(JsonBodies.text(body, "status")),
                JsonBodies.text(body, "assignee"), JsonBodies.stringMap(body, "variables"));
        return conversations.change(id, change, Caller.name(caller)).orElseThrow(() -> notFound(id));
    }

    /** A reply's {@code "template": {"name", "variables"?}}, or null when it names none. */
    private static ReplyTemplate template(JsonNode body) {
        JsonNode template = body.get("template");
        if (template == null || template.isNull()) {
            return null;
        }
        if (!template.isObject()) {
            throw ApiException.badRequest("'template' must be an object {\"name\", \"variables\"?}");
        }
        return new ReplyTemplate(JsonBodies.text(template, "name"), JsonBodies.stringMap(template, "variables"));
    }

    private static ConversationStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ConversationStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be one of open, pending, snoozed, resolved");
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no conversation with id " + id);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
