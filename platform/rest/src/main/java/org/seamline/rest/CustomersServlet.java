package org.seamline.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.Customer;
import org.seamline.context.CustomerDirectory;
import org.seamline.context.CustomerMerges;
import org.seamline.context.CustomerPrivacy;
import org.seamline.context.CustomerProfiles;
import org.seamline.context.ProfileChange;
import org.seamline.context.ErasureRecord;
import org.seamline.context.Conversations;
import org.seamline.context.MergeException;
import org.seamline.context.MergeRecord;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/customers} (newest first, paged), {@code GET /api/v1/customers?identifier=<type>:<value>}
 * (the value is normalised as inbound messages are: {@code phone:+7 916 123-45-67} finds {@code +79161234567}),
 * {@code GET /api/v1/customers/{id}} (a merged id answers its survivor), {@code GET /api/v1/customers/{id}/merges}
 * (audit trail), {@code POST /api/v1/customers/{id}/merge {"from", "reason"}} and
 * {@code POST /api/v1/customers/{id}/unmerge {"mergeId"}}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/customers", "/customers/*"})
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class CustomersServlet extends PatchableServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CustomersServlet.class);

    private static final int MAX_BODY = 16_384;

    private final transient CustomerDirectory directory;
    private final transient CustomerMerges merges;
    private final transient Conversations conversations;
    private final transient CustomerPrivacy privacy;
    private final transient CustomerProfiles profiles;

    @Activate
    public CustomersServlet(@Reference CustomerDirectory directory, @Reference CustomerMerges merges,
                            @Reference Conversations conversations, @Reference CustomerPrivacy privacy,
                            @Reference CustomerProfiles profiles) {
        this.directory = directory;
        this.merges = merges;
        this.conversations = conversations;
        this.privacy = privacy;
        this.profiles = profiles;
    }

    /**
     * {@code PATCH /api/v1/customers/{id}} with any of {@code attributes} (a null value removes one), {@code addTags},
     * {@code removeTags}, {@code preferredChannel}, {@code preferredLanguage} (empty clears).
     */
    @Override
    protected void doPatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length != 1 || parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "PATCH /customers/{id}");
            return;
        }
        StoreErrors.answering(response, LOG, () -> {
            JsonNode body = JsonBodies.object(request, MAX_BODY);
            ProfileChange change = new ProfileChange(JsonBodies.stringMap(body, "attributes"), JsonBodies.stringList(body, "addTags"),
                    JsonBodies.stringList(body, "removeTags"), JsonBodies.text(body, "preferredChannel"),
                    JsonBodies.text(body, "preferredLanguage"));
            answer(response, profiles.change(parts[0], change, request.getRemoteUser()), "no customer with id " + parts[0]);
        });
    }

    /** {@code POST /api/v1/customers/{id}/consents {"channel", "purpose", "granted", "evidence"?}}. */
    private void consent(String id, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        JsonNode body = JsonBodies.object(request, MAX_BODY);
        Boolean granted = JsonBodies.bool(body, "granted");
        if (granted == null) {
            throw new QueryParameters.BadRequestException("'granted' (true or false) is required");
        }
        answer(response, profiles.recordConsent(id, JsonBodies.required(body, "channel"),
                purpose(JsonBodies.required(body, "purpose")), granted, request.getRemoteUser(), JsonBodies.text(body, "evidence")),
                "no customer with id " + id);
    }

    static ConsentPurpose purpose(String raw) {
        try {
            return ConsentPurpose.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new QueryParameters.BadRequestException("purpose must be service or marketing");
        }
    }

    /** {@code DELETE /api/v1/customers/{id}}: erasure of the person (and everyone merged into them); an audit record stays. */
    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length != 1 || parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "DELETE /customers/{id}");
            return;
        }
        StoreErrors.answering(response, LOG, () -> {
            Optional<ErasureRecord> erased = privacy.erase(parts[0], request.getRemoteUser());
            if (erased.isPresent()) {
                JsonResponses.write(response, 200, Map.of("erasure", erased.get()));
            } else {
                JsonResponses.error(response, 404, "not_found", "no customer with id " + parts[0]);
            }
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        StoreErrors.answering(response, LOG, () -> {
            String[] parts = PathParts.of(request);
            boolean history = parts.length == 2 && (parts[1].equals("merges") || parts[1].equals("timeline"));
            if (history && directory.customer(parts[0]).isEmpty()) {
                JsonResponses.error(response, 404, "not_found", "no customer with id " + parts[0]);
            } else if (parts.length == 2 && parts[1].equals("merges")) {
                JsonResponses.write(response, 200, Map.of("items", merges.merges(parts[0])));
            } else if (parts.length == 2 && parts[1].equals("timeline")) {
                JsonResponses.write(response, 200, PageBody.of(conversations.timeline(parts[0], QueryParameters.offset(request),
                        QueryParameters.limit(request))));
            } else if (parts.length == 2 && parts[1].equals("export")) {
                Optional<Map<String, Object>> export = privacy.export(parts[0]);
                if (export.isPresent()) {
                    response.setHeader("Content-Disposition", "attachment; filename=\"customer-" + parts[0] + ".json\"");
                    JsonResponses.write(response, 200, export.get());
                } else {
                    JsonResponses.error(response, 404, "not_found", "no customer with id " + parts[0]);
                }
            } else if (parts.length == 1 && !parts[0].isEmpty()) {
                answer(response, directory.customer(parts[0]), "no customer with id " + parts[0]);
            } else if (parts.length > 1) {
                JsonResponses.error(response, 404, "not_found", "no such resource: " + path);
            } else if (request.getParameter("identifier") != null) {
                byIdentifier(request.getParameter("identifier"), response);
            } else if (request.getParameter("q") != null) {
                JsonResponses.write(response, 200, PageBody.of(directory.search(request.getParameter("q"),
                        QueryParameters.offset(request), QueryParameters.limit(request))));
            } else {
                JsonResponses.write(response, 200, PageBody.of(
                        directory.customers(QueryParameters.offset(request), QueryParameters.limit(request))));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length != 2 || !(parts[1].equals("merge") || parts[1].equals("unmerge") || parts[1].equals("consents"))) {
            JsonResponses.error(response, 404, "not_found", "POST to /customers/{id}/merge, /unmerge or /consents");
            return;
        }
        StoreErrors.answering(response, LOG, () -> {
            try {
                if (parts[1].equals("consents")) {
                    consent(parts[0], request, response);
                } else if (parts[1].equals("merge")) {
                    JsonNode body = JsonBodies.object(request, MAX_BODY);
                    MergeRecord merge = merges.merge(parts[0], JsonBodies.required(body, "from"), request.getRemoteUser(),
                            JsonBodies.text(body, "reason"));
                    JsonResponses.write(response, 201, Map.of("mergeId", merge.id(), "merge", merge));
                } else {
                    String mergeId = JsonBodies.required(JsonBodies.object(request, MAX_BODY), "mergeId");
                    if (merges.merges(parts[0]).stream().noneMatch(m -> m.id().equals(mergeId))) {
                        throw new MergeException(MergeException.Kind.NOT_FOUND, "customer " + parts[0] + " took part in no merge " + mergeId);
                    }
                    JsonResponses.write(response, 200, Map.of("merge", merges.unmerge(mergeId, request.getRemoteUser())));
                }
            } catch (MergeException e) {
                JsonResponses.error(response, e.kind() == MergeException.Kind.NOT_FOUND ? 404 : 409,
                        e.kind() == MergeException.Kind.NOT_FOUND ? "not_found" : "conflict", e.getMessage());
            }
        });
    }

    /** A lookup answers a list (empty or one customer), so "not found" and "found" have the same shape. */
    private void byIdentifier(String identifier, HttpServletResponse response) throws IOException, SQLException {
        int colon = identifier.indexOf(':');
        if (colon <= 0 || colon == identifier.length() - 1) {
            throw new QueryParameters.BadRequestException("identifier must look like <type>:<value>, e.g. email:anna@example.com");
        }
        Optional<Customer> found = directory.findByIdentifier(identifier.substring(0, colon), identifier.substring(colon + 1));
        JsonResponses.write(response, 200, Map.of("items", found.map(List::of).orElse(List.of())));
    }

    private static void answer(HttpServletResponse response, Optional<Customer> customer, String notFound) throws IOException {
        if (customer.isPresent()) {
            JsonResponses.write(response, 200, customer.get());
        } else {
            JsonResponses.error(response, 404, "not_found", notFound);
        }
    }
}
