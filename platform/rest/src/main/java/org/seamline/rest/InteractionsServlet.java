package org.seamline.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.context.Conversations;
import org.seamline.context.InteractionEvent;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.seamline.store.InboxStore;
import org.seamline.store.Interaction;
import org.seamline.store.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/interactions[?channel=&offset=&limit=]} (newest first) and
 * {@code GET /api/v1/interactions/{id}}: the messages in the durable inbox, each with what happened to it after it was
 * accepted (a call's steps).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/interactions", "/interactions/*"})
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class InteractionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(InteractionsServlet.class);

    private final transient InboxStore inbox;
    private final transient Conversations conversations;

    @Activate
    public InteractionsServlet(@Reference InboxStore inbox, @Reference Conversations conversations) {
        this.inbox = inbox;
        this.conversations = conversations;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        StoreErrors.answering(response, LOG, () -> {
            if (path == null || path.equals("/")) {
                list(request, response);
            } else {
                one(path.substring(1), response);
            }
        });
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        String channel = request.getParameter("channel");
        // An unknown channel kind is a mistake to point out, not an empty list to answer.
        Page<Interaction> page = inbox.list(channel == null || channel.isBlank() ? null : conversations.channelKind(channel.strip()),
                QueryParameters.offset(request), QueryParameters.limit(request));
        Map<String, List<InteractionEvent>> events = conversations.events(page.items().stream().map(Interaction::id).toList());
        JsonResponses.write(response, 200, PageBody.of(page, i -> InteractionView.of(i, events.get(i.id()))));
    }

    private void one(String id, HttpServletResponse response) throws IOException, SQLException {
        Optional<Interaction> found = inbox.find(id);
        if (found.isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "no interaction with id " + id);
            return;
        }
        JsonResponses.write(response, 200, InteractionView.of(found.get(), conversations.events(List.of(id)).get(id)));
    }
}
