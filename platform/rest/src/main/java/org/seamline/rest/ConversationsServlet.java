package org.seamline.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationStatus;
import org.seamline.context.Conversations;
import org.seamline.context.QueuedReply;
import org.seamline.context.Replies;
import org.seamline.context.ReplyException;
import org.seamline.context.ReplyTemplate;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/conversations?customerId=&status=&channel=&offset=&limit=} (most recent first, paged),
 * {@code GET /api/v1/conversations/{id}},
 * {@code GET /api/v1/conversations/{id}/messages} (oldest first, paged) and
 * {@code POST /api/v1/conversations/{id}/messages {"text", "channel"?, "purpose"?, "attachments"?, "template"?}} (a
 * reply; {@code Idempotency-Key} honoured; 403 without consent; 422 {@code template_required} for free text where
 * the customer's service window is closed), {@code POST /api/v1/conversations/{id}/notes {"text"}} (an internal note) and
 * {@code PATCH /api/v1/conversations/{id}} (status, assignee, variables).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/conversations", "/conversations/*"})
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class ConversationsServlet extends PatchableServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConversationsServlet.class);

    private static final int MAX_BODY = 65_536;

    private final transient Conversations conversations;
    private final transient Replies replies;

    @Activate
    public ConversationsServlet(@Reference Conversations conversations, @Reference Replies replies) {
        this.conversations = conversations;
        this.replies = replies;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length == 2 && parts[1].equals("notes")) {
            StoreErrors.answering(response, LOG, () -> {
                String text = JsonBodies.required(JsonBodies.object(request, MAX_BODY), "text");
                if (conversations.note(parts[0], text, request.getRemoteUser())) {
                    JsonResponses.write(response, 201, Map.of("conversationId", parts[0], "kind", "note"));
                } else {
                    JsonResponses.error(response, 404, "not_found", "no conversation with id " + parts[0]);
                }
            });
            return;
        }
        if (parts.length != 2 || !parts[1].equals("messages")) {
            JsonResponses.error(response, 404, "not_found", "POST replies to /conversations/{id}/messages, notes to /notes");
            return;
        }
        StoreErrors.answering(response, LOG, () -> {
            JsonNode body = JsonBodies.object(request, MAX_BODY);
            String text = JsonBodies.required(body, "text");
            String purpose = JsonBodies.text(body, "purpose");
            try {
                QueuedReply reply = replies.reply(parts[0], text, JsonBodies.stringList(body, "attachments"),
                        JsonBodies.text(body, "channel"),
                        purpose == null ? ConsentPurpose.SERVICE : CustomersServlet.purpose(purpose), template(body),
                        request.getHeader("Idempotency-Key"));
                JsonResponses.write(response, reply.duplicate() ? 200 : 202, reply);
            } catch (ReplyException e) {
                switch (e.kind()) {
                    case NOT_FOUND -> JsonResponses.error(response, 404, "not_found", e.getMessage());
                    case NO_CONSENT -> JsonResponses.error(response, 403, "no_consent", e.getMessage());
                    case UNREACHABLE -> JsonResponses.error(response, 422, "unreachable", e.getMessage());
                    case UNKNOWN_ATTACHMENT -> JsonResponses.error(response, 422, "unknown_attachment", e.getMessage());
                    case IDEMPOTENCY_KEY_REUSED -> JsonResponses.error(response, 422, "idempotency_key_reused", e.getMessage());
                    case TEMPLATE_REQUIRED -> JsonResponses.error(response, 422, "template_required", e.getMessage());
                }
            }
        });
    }

    /** {@code PATCH /api/v1/conversations/{id} {"status"?, "assignee"?, "variables"?}}. */
    @Override
    protected void doPatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length != 1 || parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "PATCH /conversations/{id}");
            return;
        }
        StoreErrors.answering(response, LOG, () -> {
            JsonNode body = JsonBodies.object(request, MAX_BODY);
            ConversationChange change = new ConversationChange(status(JsonBodies.text(body, "status")),
                    JsonBodies.text(body, "assignee"), JsonBodies.stringMap(body, "variables"));
            Optional<Conversation> changed = conversations.change(parts[0], change, request.getRemoteUser());
            if (changed.isPresent()) {
                JsonResponses.write(response, 200, changed.get());
            } else {
                JsonResponses.error(response, 404, "not_found", "no conversation with id " + parts[0]);
            }
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String[] parts = PathParts.of(request);
        StoreErrors.answering(response, LOG, () -> {
            if (parts.length == 0 || parts.length == 1 && parts[0].isEmpty()) {
                JsonResponses.write(response, 200, PageBody.of(conversations.conversations(
                        blankToNull(request.getParameter("customerId")), status(request.getParameter("status")),
                        blankToNull(request.getParameter("channel")), QueryParameters.offset(request),
                        QueryParameters.limit(request))));
            } else if (parts.length == 1) {
                Optional<Conversation> conversation = conversations.conversation(parts[0]);
                if (conversation.isPresent()) {
                    JsonResponses.write(response, 200, conversation.get());
                } else {
                    JsonResponses.error(response, 404, "not_found", "no conversation with id " + parts[0]);
                }
            } else if (parts.length == 2 && parts[1].equals("messages")) {
                if (conversations.conversation(parts[0]).isEmpty()) {
                    JsonResponses.error(response, 404, "not_found", "no conversation with id " + parts[0]);
                } else {
                    JsonResponses.write(response, 200, PageBody.of(conversations.messages(parts[0],
                            QueryParameters.offset(request), QueryParameters.limit(request))));
                }
            } else {
                JsonResponses.error(response, 404, "not_found", "no such resource: " + path);
            }
        });
    }

    /** A reply's {@code "template": {"name", "variables"?}}, or null when it names none. */
    private static ReplyTemplate template(JsonNode body) {
        JsonNode template = body.get("template");
        if (template == null || template.isNull()) {
            return null;
        }
        if (!template.isObject()) {
            throw new QueryParameters.BadRequestException("'template' must be an object {\"name\", \"variables\"?}");
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
            throw new QueryParameters.BadRequestException("status must be one of open, pending, snoozed, resolved");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
