package org.seamline.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.context.ServiceFigures;
import org.seamline.context.ServiceSnapshot;
import org.seamline.rest.errors.ApiException;

/**
 * {@code GET /api/v1/figures?zone=Europe/Moscow}: the console's live figures — messages in and out per channel per
 * minute over the last hour, failed replies, open and unassigned conversations, and the median first response today
 * ("today" in {@code zone}, the browser's; UTC when left out).
 */
@Component(service = FiguresResource.class)
@JakartarsResource
@JakartarsName("seamline.figures")
@Path("figures")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {

    private final ServiceFigures figures;

    @Activate
    public FiguresResource(@Reference ServiceFigures figures) {
        this.figures = figures;
    }

    @GET
    public Map<String, Object> now(@QueryParam("zone") String zone) throws SQLException {
        ServiceSnapshot snapshot = figures.snapshot(zone(zone));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", snapshot.at());
        body.put("perMinute", snapshot.perMinute());
        body.put("repliesFailedToday", snapshot.repliesFailedToday());
        body.put("openConversations", snapshot.openConversations());
        body.put("unassignedConversations", snapshot.unassignedConversations());
        body.put("firstResponsesToday", snapshot.firstResponsesToday());
        body.put("medianFirstResponseSeconds",
                snapshot.medianFirstResponse() == null ? null : snapshot.medianFirstResponse().toMillis() / 1000.0);
        return body;
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("zone must be a time zone such as Europe/Moscow");
        }
    }
}
