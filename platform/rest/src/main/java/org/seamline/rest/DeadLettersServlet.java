package org.seamline.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.context.DeadLetters;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.seamline.store.InboxStore;
import org.seamline.store.SetAside;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/dead-letters}: inbound messages the processor set aside and replies that failed for good, each
 * with its reason. {@code POST /api/v1/dead-letters/messages/{id}/retry} and {@code …/replies/{id}/retry} put one
 * back to work once the cause is fixed.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/dead-letters", "/dead-letters/*"})
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class DeadLettersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLettersServlet.class);

    private final transient DeadLetters deadLetters;
    private final transient InboxStore inbox;

    @Activate
    public DeadLettersServlet(@Reference DeadLetters deadLetters, @Reference InboxStore inbox) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length > 1 || parts.length == 1 && !parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "GET /dead-letters");
            return;
        }
        StoreErrors.answering(response, LOG, () -> {
            int limit = QueryParameters.limit(request);
            List<Map<String, Object>> messages = inbox.setAside(limit).stream()
                    .map(DeadLettersServlet::view)
                    .toList();
            JsonResponses.write(response, 200, Map.of("messages", messages, "replies", deadLetters.failedReplies(limit)));
        });
    }

    /** A set-aside message; one whose stored form is unreadable shows its id and reason without the message. */
    private static Map<String, Object> view(SetAside aside) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("interactionId", aside.interactionId());
        aside.interaction().ifPresent(interaction -> view.put("interaction", InteractionView.of(interaction, List.of())));
        view.put("reason", aside.reason());
        return view;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length != 3 || !parts[2].equals("retry") || !(parts[0].equals("messages") || parts[0].equals("replies"))) {
            JsonResponses.error(response, 404, "not_found", "POST /dead-letters/messages/{id}/retry or /dead-letters/replies/{id}/retry");
            return;
        }
        StoreErrors.answering(response, LOG, () -> {
            boolean retried = parts[0].equals("messages") ? inbox.retry(parts[1])
                    : deadLetters.retryReply(parts[1], request.getRemoteUser());
            if (retried) {
                JsonResponses.write(response, 200, Map.of("retried", parts[1]));
            } else {
                JsonResponses.error(response, 404, "not_found", "no dead letter " + parts[1] + " among the " + parts[0]);
            }
        });
    }
}
