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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.seamline.core.users.Role;
import org.seamline.core.users.User;
import org.seamline.core.users.UserChange;
import org.seamline.core.users.UserException;
import org.seamline.core.users.Users;
import org.seamline.rest.errors.ApiException;
import org.seamline.rest.json.BodyLimit;
import org.seamline.rest.runtime.Caller;

/**
 * {@code /api/v1/users}: {@code POST {"username", "password", "role", "teams"}} (201), the list (paged), one user,
 * {@code PATCH {"role", "teams", "password", "disabled"}} and {@code DELETE}. Reading needs a supervisor, changing an
 * admin (the guard's role table); no answer ever carries a password or its hash.
 */
@Component(service = UsersResource.class)
@JakartarsResource
@JakartarsName("seamline.users")
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private static final int MAX_BODY = 16_384;

    private final Users users;

    @Activate
    public UsersResource(@Reference Users users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@BodyLimit(MAX_BODY) ObjectNode body, @Context SecurityContext caller)
            throws SQLException, UserException {
        List<String> teams = JsonBodies.stringList(body, "teams");
        User user = users.create(JsonBodies.required(body, "username"), JsonBodies.required(body, "password"),
                Role.of(JsonBodies.required(body, "role")), teams == null ? List.of() : teams, Caller.name(caller));
        return Response.status(201).entity(view(user)).build();
    }

    @GET
    public Map<String, Object> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit)
            throws SQLException {
        Paging paging = Paging.of(offset, limit);
        return PageBody.of(users.list(paging.offset(), paging.limit()), UsersResource::view);
    }

    @GET
    @Path("{username}")
    public Map<String, Object> one(@PathParam("username") String username) throws SQLException {
        return view(users.find(username).orElseThrow(() -> notFound(username)));
    }

    @PATCH
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> change(@PathParam("username") String username, @BodyLimit(MAX_BODY) ObjectNode body,
            @Context SecurityContext caller) throws SQLException, UserException {
        String role = JsonBodies.text(body, "role");
        UserChange change = new UserChange(role == null ? null : Role.of(role), JsonBodies.stringList(body, "teams"),
                JsonBodies.text(body, "password"), JsonBodies.bool(body, "disabled"));
        return view(users.change(username, change, Caller.name(caller)).orElseThrow(() -> notFound(username)));
    }

    @DELETE
    @Path("{username}")
    public Response delete(@PathParam("username") String username, @Context SecurityContext caller)
            throws SQLException, UserException {
        if (!users.delete(username, Caller.name(caller))) {
            throw notFound(username);
        }
        return Response.noContent().build();
    }

    private static ApiException notFound(String username) {
        return ApiException.notFound("no user " + username);
    }

    private static Map<String, Object> view(User user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", user.username());
        view.put("role", user.role().id());
        view.put("teams", user.teams());
        view.put("disabled", user.disabled());
        view.put("createdAt", user.createdAt());
        view.put("updatedAt", user.updatedAt());
        return view;
    }
}
