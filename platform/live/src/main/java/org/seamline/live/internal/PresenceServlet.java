package org.seamline.live.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.core.http.Json;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.core.http.RequestBodies;
import org.seamline.core.security.ApiContext;
import org.seamline.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/presence {"conversationId", "state"}} → 204. A thin HTTP shell around {@link Presence}, to
 * become a resource on the REST whiteboard once the API has moved there.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/presence")
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class PresenceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_BYTES = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(PresenceServlet.class);

    private final transient Presence presence;

    @Activate
    public PresenceServlet(@Reference Presence presence) {
        this.presence = presence;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (JsonResponses.refusedUnlessJson(request, response)) {
            return;
        }
        try {
            JsonNode body = Json.read(RequestBodies.read(request, MAX_BODY_BYTES));
            JsonNode conversationId = body == null ? null : body.get("conversationId");
            JsonNode state = body == null ? null : body.get("state");
            if (conversationId == null || !conversationId.isTextual() || state == null || !state.isTextual()) {
                JsonResponses.error(response, 400, "bad_request", "'conversationId' and 'state' are required strings");
                return;
            }
            presence.announce(ApiContext.principal(request), conversationId.asText(), state.asText());
            response.setStatus(204);
        } catch (PayloadTooLargeException e) {
            JsonResponses.tooLarge(response, e);
        } catch (JacksonException e) {
            JsonResponses.error(response, 400, "bad_request", "body is not valid JSON");
        } catch (Presence.RefusedException e) {
            JsonResponses.error(response, e.status, e.code, e.getMessage());
        } catch (SQLException e) {
            LOG.warn("Presence: the store could not be read: {}", StoreFailures.describe(e));
            JsonResponses.error(response, 503, "store_unavailable", "the store is unavailable right now; retry later");
        }
    }
}
