package org.seamline.rest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationStatus;
import org.seamline.context.Conversations;
import org.seamline.context.QueuedReply;
import org.seamline.context.Replies;
import org.seamline.context.ReplyException;
import org.seamline.core.http.Json;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.core.http.RequestBodies;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/conversations?customerId=&status=&channel=}, {@code GET /api/v1/conversations/{id}},
 * {@code GET /api/v1/conversations/{id}/messages} (oldest first, paged) and
 * {@code POST /api/v1/conversations/{id}/messages {"text", "channel"?}} (a reply; {@code Idempotency-Key} honoured).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/conversations", "/conversations/*"})
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class ConversationsServlet extends HttpServlet {

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
        if (parts.length != 2 || !parts[1].equals("messages")) {
            JsonResponses.error(response, 404, "not_found", "POST replies to /conversations/{id}/messages");
            return;
        }
        try {
            JsonNode body = Json.mapper().readTree(RequestBodies.read(request, MAX_BODY));
            JsonNode text = body == null ? null : body.get("text");
            JsonNode channel = body == null ? null : body.get("channel");
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                JsonResponses.error(response, 400, "bad_request", "'text' is required");
                return;
            }
            QueuedReply reply = replies.reply(parts[0], text.asText(), channel != null && channel.isTextual() ? channel.asText() : null,
                    request.getHeader("Idempotency-Key"));
            JsonResponses.write(response, reply.duplicate() ? 200 : 202, reply);
        } catch (PayloadTooLargeException e) {
            JsonResponses.error(response, 413, "payload_too_large", e.getMessage());
        } catch (JacksonException e) {
            JsonResponses.error(response, 400, "bad_request", "body is not valid JSON: " + e.getOriginalMessage());
        } catch (ReplyException e) {
            boolean notFound = e.kind() == ReplyException.Kind.NOT_FOUND;
            JsonResponses.error(response, notFound ? 404 : 422, notFound ? "not_found" : "unreachable", e.getMessage());
        } catch (SQLException e) {
            LOG.warn("Queuing a reply failed: {}", e.getMessage());
            JsonResponses.error(response, 503, "store_unavailable", "the reply was not queued; retry with the same Idempotency-Key");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String[] parts = PathParts.of(request);
        StoreErrors.answering(response, LOG, () -> {
            if (parts.length == 0 || parts.length == 1 && parts[0].isEmpty()) {
                JsonResponses.write(response, 200, Map.of("items", conversations.conversations(
                        blankToNull(request.getParameter("customerId")), status(request.getParameter("status")),
                        blankToNull(request.getParameter("channel")))));
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
