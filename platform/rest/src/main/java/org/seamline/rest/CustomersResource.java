package org.seamline.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.Conversations;
import org.seamline.context.Customer;
import org.seamline.context.CustomerDirectory;
import org.seamline.context.CustomerMerges;
import org.seamline.context.CustomerPrivacy;
import org.seamline.context.CustomerProfiles;
import org.seamline.context.ErasureRecord;
import org.seamline.context.MergeException;
import org.seamline.context.MergeRecord;
import org.seamline.context.ProfileChange;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.json.BodyLimit;
import org.seamline.rest.runtime.Caller;

/**
 * {@code /api/v1/customers}: the list (newest first, paged), a lookup by {@code identifier=<type>:<value>} (normalised
 * as inbound messages are: {@code phone:+7 916 123-45-67} finds {@code +79161234567}), a search ({@code q}), one
 * customer (a merged id answers its survivor), the profile change, consents, the timeline, the export, the erasure,
 * and merges with their audit trail.
 */
@Component(service = CustomersResource.class)
@JakartarsResource
@JakartarsName("seamline.customers")
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    private static final int MAX_BODY = 16_384;

    private final CustomerDirectory directory;
    private final CustomerMerges merges;
    private final Conversations conversations;
    private final CustomerPrivacy privacy;
    private final CustomerProfiles profiles;

    @Activate
    public CustomersResource(@Reference CustomerDirectory directory, @Reference CustomerMerges merges,
                             @Reference Conversations conversations, @Reference CustomerPrivacy privacy,
                             @Reference CustomerProfiles profiles) {
        this.directory = directory;
        this.merges = merges;
        this.conversations = conversations;
        this.privacy = privacy;
        this.profiles = profiles;
    }

    @GET
    public Map<String, Object> list(@QueryParam("identifier") String identifier, @QueryParam("q") String q,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) throws SQLException {
        Paging paging = Paging.of(offset, limit);
        if (identifier != null) {
            return byIdentifier(identifier);
        }
        if (q != null) {
            return PageBody.of(directory.search(q, paging.offset(), paging.limit()));
        }
        return PageBody.of(directory.customers(paging.offset(), paging.limit()));
    }

    /** A lookup answers a list (empty or one customer), so "not found" and "found" have the same shape. */
    private Map<String, Object> byIdentifier(String identifier) throws SQLException {
        int colon = identifier.indexOf(':');
        if (colon <= 0 || colon == identifier.length() - 1) {
            throw ApiException.badRequest("identifier must look like <type>:<value>, e.g. email:anna@example.com");
        }
        Optional<Customer> found = directory.findByIdentifier(identifier.substring(0, colon), identifier.substring(colon + 1));
        return Map.of("items", found.map(List::of).orElse(List.of()));
    }

    @GET
    @Path("{id}")
    public Customer one(@PathParam("id") String id) throws SQLException {
        return directory.customer(id).orElseThrow(() -> notFound(id));
    }

    /** Any of {@code attributes} (a null value removes one), {@code addTags}, {@code removeTags}, {@code preferredChannel}, {@code preferredLanguage}. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Customer change(@PathParam("id") String id, @BodyLimit(MAX_BODY) ObjectNode body, @Context SecurityContext caller)
            throws SQLException {
        ProfileChange change = new ProfileChange(JsonBodies.stringMap(body, "attributes"), JsonBodies.stringList(body, "addTags"),
                JsonBodies.stringList(body, "removeTags"), JsonBodies.text(body, "preferredChannel"),
                JsonBodies.text(body, "preferredLanguage"));
        return profiles.change(id, change, Caller.name(caller)).orElseThrow(() -> notFound(id));
    }

    /** Erasure of the person (and everyone merged into them); an audit record stays. */
    @DELETE
    @Path("{id}")
    public Map<String, Object> erase(@PathParam("id") String id, @Context SecurityContext caller) throws SQLException {
        ErasureRecord erased = privacy.erase(id, Caller.name(caller)).orElseThrow(() -> notFound(id));
        return Map.of("erasure", erased);
    }

    /** {@code {"channel", "purpose", "granted", "evidence"?}}. */
    @POST
    @Path("{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Customer consent(@PathParam("id") String id, @BodyLimit(MAX_BODY) ObjectNode body, @Context SecurityContext caller)
            throws SQLException {
        Boolean granted = JsonBodies.bool(body, "granted");
        if (granted == null) {
            throw ApiException.badRequest("'granted' (true or false) is required");
        }
        return profiles.recordConsent(id, JsonBodies.required(body, "channel"), purpose(JsonBodies.required(body, "purpose")),
                granted, Caller.name(caller), JsonBodies.text(body, "evidence")).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/timeline")
    public Map<String, Object> timeline(@PathParam("id") String id, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) throws SQLException {
        Paging paging = Paging.of(offset, limit);
        requireCustomer(id);
        return PageBody.of(conversations.timeline(id, paging.offset(), paging.limit()));
    }

    /** The merges the customer took part in, oldest first, paged like every list. */
    @GET
    @Path("{id}/merges")
    public Map<String, Object> merges(@PathParam("id") String id, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) throws SQLException {
        Paging paging = Paging.of(offset, limit);
        requireCustomer(id);
        return PageBody.slice(merges.merges(id), paging);
    }

    @GET
    @Path("{id}/export")
    public Response export(@PathParam("id") String id) throws SQLException {
        Map<String, Object> export = privacy.export(id).orElseThrow(() -> notFound(id));
        return Response.ok(export).header("Content-Disposition", "attachment; filename=\"customer-" + id + ".json\"").build();
    }

    /** {@code {"from", "reason"?}}: merges {@code from} into this customer. */
    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response merge(@PathParam("id") String id, @BodyLimit(MAX_BODY) ObjectNode body, @Context SecurityContext caller)
            throws SQLException, MergeException {
        MergeRecord merge = merges.merge(id, JsonBodies.required(body, "from"), Caller.name(caller), JsonBodies.text(body, "reason"));
        return Response.status(201).entity(Map.of("mergeId", merge.id(), "merge", merge)).build();
    }

    /** {@code {"mergeId"}}: undoes one of this customer's merges. */
    @POST
    @Path("{id}/unmerge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> unmerge(@PathParam("id") String id, @BodyLimit(MAX_BODY) ObjectNode body,
            @Context SecurityContext caller) throws SQLException, MergeException {
        String mergeId = JsonBodies.required(body, "mergeId");
        if (merges.merges(id).stream().noneMatch(m -> m.id().equals(mergeId))) {
            throw new MergeException(MergeException.Kind.NOT_FOUND, "customer " + id + " took part in no merge " + mergeId);
        }
        return Map.of("merge", merges.unmerge(mergeId, Caller.name(caller)));
    }

    static ConsentPurpose purpose(String raw) {
        try {
            return ConsentPurpose.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("purpose must be service or marketing");
        }
    }

    private void requireCustomer(String id) throws SQLException {
        if (directory.customer(id).isEmpty()) {
            throw notFound(id);
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no customer with id " + id);
    }
}
