package org.seamline.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.core.users.ApiToken;
import org.seamline.core.users.ApiTokens;
import org.seamline.core.users.IssuedToken;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Role;
import org.seamline.core.users.User;
import org.seamline.core.users.UserException;
import org.seamline.core.users.Users;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.json.BodyLimit;
import org.seamline.rest.runtime.Caller;

/**
 * {@code /api/v1/tokens}: {@code POST {"name", "role"}} answers 201 with the token, shown this once; {@code GET}
 * lists name, role, creator, created and last used (never a token), paged; {@code DELETE /tokens/{id}} revokes at
 * once. Admins only (the guard's role table).
 */
@Component(service = TokensResource.class)
@JakartarsResource
@JakartarsName("seamline.tokens")
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    private static final int MAX_BODY = 4096;

    private final ApiTokens tokens;
    private final Users users;

    @Activate
    public TokensResource(@Reference ApiTokens tokens, @Reference Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@BodyLimit(MAX_BODY) ObjectNode body, @Context SecurityContext context)
            throws SQLException, UserException {
        String name = JsonBodies.required(body, "name");
        Role role = Role.of(JsonBodies.required(body, "role"));
        Principal caller = Caller.of(context);
        User creator = users.find(caller.username()).orElseThrow(
                () -> new UserException(UserException.Kind.FORBIDDEN, "only a stored user can create tokens"));
        // A token creating a token gets no more than its own role, whatever its creator's.
        User acting = new User(creator.username(), Role.lower(creator.role(), caller.role()), creator.teams(), false,
                creator.createdAt(), creator.updatedAt());
        IssuedToken issued = tokens.issue(name, role, acting);
        Map<String, Object> view = view(issued.details());
        view.put("token", issued.token());
        return Response.status(201).entity(view).build();
    }

    /** Tokens are few (people make them by hand), so they are read whole and paged here. */
    @GET
    public Map<String, Object> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit)
            throws SQLException {
        return PageBody.slice(tokens.list().stream().map(TokensResource::view).toList(), Paging.of(offset, limit));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext caller) throws SQLException, UserException {
        if (!tokens.revoke(id, Caller.name(caller))) {
            throw ApiException.notFound("no token " + id);
        }
        return Response.noContent().build();
    }

    private static Map<String, Object> view(ApiToken token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", token.id());
        view.put("name", token.name());
        view.put("role", token.role().id());
        view.put("createdBy", token.createdBy());
        view.put("createdAt", token.createdAt());
        view.put("lastUsedAt", token.lastUsedAt());
        return view;
    }
}
