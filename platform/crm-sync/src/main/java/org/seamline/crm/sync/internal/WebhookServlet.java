package org.seamline.crm.sync.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.core.http.RequestBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/crm/<crm>/<instance>[/…]}: a CRM's change notification. The connector verifies it; the changed
 * contacts are planned for a refresh before the CRM gets its 200, so an acknowledged notification is never lost. A
 * notification sent twice only plans a second refresh, which reads the same profile.
 */
final class WebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookServlet.class);

    private final transient CrmWebhooks webhooks;
    private final String key;
    private final transient TaskStore store;
    private final int maxBytes;

    WebhookServlet(CrmWebhooks webhooks, String key, TaskStore store, int maxBytes) {
        this.webhooks = webhooks;
        this.key = key;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            body = RequestBodies.read(request, maxBytes);
        } catch (PayloadTooLargeException e) {
            JsonResponses.tooLarge(response, e);
            return;
        }
        List<CrmChange> changes;
        try {
            changes = webhooks.receive(new CrmWebhooks.Request("POST", url(request), request.getPathInfo() == null ? "" : request.getPathInfo(),
                    headers(request), request.getContentType(), body));
        } catch (CrmException e) {
            refuse(response, e);
            return;
        }
        try {
            store.inTransaction(c -> {
                for (CrmChange change : changes) {
                    store.plan(c, key, TaskStore.Kind.REFRESH, change.contactId(), null);
                }
            });
        } catch (SQLException e) {
            LOG.warn("CRM {}: a notification could not be stored (SQLState {}); the CRM is asked to send it again", key, e.getSQLState());
            JsonResponses.error(response, 503, "store_unavailable", "the notification could not be stored; send it again later");
            return;
        }
        JsonResponses.write(response, 200, Map.of("accepted", changes.size()));
    }

    /** Nothing was stored. A forged or replayed request learns nothing beyond 401. */
    private void refuse(HttpServletResponse response, CrmException e) throws IOException {
        switch (e.kind()) {
            case AUTH_INVALID -> {
                LOG.warn("CRM {}: a notification was refused: {}", key, e.getMessage());
                JsonResponses.error(response, 401, "unauthorized", "the notification is not from the CRM");
            }
            case VALIDATION -> JsonResponses.error(response, 400, "bad_request", "the notification is not readable");
            default -> {
                LOG.warn("CRM {}: a notification could not be handled: {} {}", key, e.kind(), e.getMessage());
                JsonResponses.error(response, 503, "unavailable", "the notification could not be handled; send it again later");
            }
        }
    }

    private static String url(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
