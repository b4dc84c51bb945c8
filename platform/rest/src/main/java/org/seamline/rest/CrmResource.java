package org.seamline.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.core.audit.AdminAudit;
import org.seamline.crm.sync.CrmSync;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.runtime.Caller;

/**
 * {@code GET /api/v1/crm}: every enabled CRM connector with its health, waiting and failed work, and whether it is
 * paused. {@code GET /api/v1/crm/dead-letters} lists the CRM work that failed for good; {@code …/{id}/retry} queues
 * one again and {@code …/{id}/discard} gives it up, both in the audit trail.
 */
@Component(service = CrmResource.class)
@JakartarsResource
@JakartarsName("seamline.crm")
@Path("crm")
@Produces(MediaType.APPLICATION_JSON)
public class CrmResource {

    private final CrmSync sync;
    private final AdminAudit audit;

    @Activate
    public CrmResource(@Reference CrmSync sync, @Reference AdminAudit audit) {
        this.sync = sync;
        this.audit = audit;
    }

    @GET
    public Map<String, Object> connectors() throws SQLException {
        return Map.of("connectors", sync.connectors());
    }

    @GET
    @Path("dead-letters")
    public Map<String, Object> failed(@QueryParam("offset") String offset, @QueryParam("limit") String limit) throws SQLException {
        Paging paging = Paging.of(offset, limit);
        return PageBody.of(sync.failed(paging.offset(), paging.limit()));
    }

    @POST
    @Path("dead-letters/{id}/retry")
    public Map<String, Object> retry(@PathParam("id") String id, @Context SecurityContext caller) throws SQLException {
        if (!sync.retry(id, Caller.name(caller))) {
            throw ApiException.notFound("no failed CRM task " + id);
        }
        audit.record(Caller.name(caller), "crm.retry", "task " + id, null);
        return Map.of("retried", id);
    }

    @POST
    @Path("dead-letters/{id}/discard")
    public Map<String, Object> discard(@PathParam("id") String id, @Context SecurityContext caller) throws SQLException {
        if (!sync.discard(id, Caller.name(caller))) {
            throw ApiException.notFound("no failed CRM task " + id);
        }
        audit.record(Caller.name(caller), "crm.discard", "task " + id, null);
        return Map.of("discarded", id);
    }
}
