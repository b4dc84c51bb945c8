package org.seamline.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.core.audit.AdminAudit;
import org.seamline.core.audit.AuditPage;
import org.seamline.core.audit.AuditQuery;
import org.seamline.rest.errors.ApiException;

/**
 * {@code GET /api/v1/audit?actor=&action=&since=&until=&after=&limit=}: admin actions, newest first — users and
 * tokens, plugins, instance settings, merges, unmerges and erasures. {@code action} ending in a dot matches a family
 * ({@code plugin.}); {@code next} in the answer is the {@code after} of the following page.
 */
@Component(service = AuditResource.class)
@JakartarsResource
@JakartarsName("seamline.audit")
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AdminAudit audit;

    @Activate
    public AuditResource(@Reference AdminAudit audit) {
        this.audit = audit;
    }

    @GET
    public Map<String, Object> entries(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                       @QueryParam("since") String since, @QueryParam("until") String until,
                                       @QueryParam("after") String after, @QueryParam("limit") String limit) throws SQLException {
        AuditPage page;
        try {
            page = audit.entries(new AuditQuery(blankToNull(actor), blankToNull(action), instant("since", since),
                    instant("until", until), blankToNull(after), Paging.of(null, limit).limit()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", page.entries());
        body.put("next", page.next());
        return body;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an instant such as 2026-12-02T10:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
