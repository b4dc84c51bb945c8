package org.seamline.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.seamline.core.users.Role;
import org.seamline.core.users.User;
import org.seamline.core.users.UserChange;
import org.seamline.core.users.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/users}: {@code POST {"username", "password", "role", "teams"}} (201), {@code GET} (paged),
 * {@code GET /users/{username}}, {@code PATCH /users/{username} {"role", "teams", "password", "disabled"}} and
 * {@code DELETE /users/{username}}. Reading needs a supervisor, changing an admin (the guard's role table); no answer
 * ever carries a password or its hash.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/users", "/users/*"})
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class UsersServlet extends PatchableServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UsersServlet.class);
    private static final int MAX_BODY = 16_384;

    private final transient Users users;

    @Activate
    public UsersServlet(@Reference Users users) {
        this.users = users;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (PathParts.of(request).length != 0) {
            JsonResponses.error(response, 404, "not_found", "POST /users");
            return;
        }
        UserErrors.answering(response, LOG, () -> {
            ObjectNode body = JsonBodies.object(request, MAX_BODY);
            List<String> teams = JsonBodies.stringList(body, "teams");
            User user = users.create(JsonBodies.required(body, "username"), JsonBodies.required(body, "password"),
                    Role.of(JsonBodies.required(body, "role")), teams == null ? List.of() : teams, request.getRemoteUser());
            JsonResponses.write(response, 201, view(user));
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        UserErrors.answering(response, LOG, () -> {
            if (parts.length == 0 || parts.length == 1 && parts[0].isEmpty()) {
                JsonResponses.write(response, 200, PageBody.of(users.list(QueryParameters.offset(request),
                        QueryParameters.limit(request)), UsersServlet::view));
            } else if (parts.length == 1) {
                answer(response, users.find(parts[0]), parts[0]);
            } else {
                JsonResponses.error(response, 404, "not_found", "GET /users or /users/{username}");
            }
        });
    }

    @Override
    protected void doPatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length != 1 || parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "PATCH /users/{username}");
            return;
        }
        UserErrors.answering(response, LOG, () -> {
            ObjectNode body = JsonBodies.object(request, MAX_BODY);
            String role = JsonBodies.text(body, "role");
            UserChange change = new UserChange(role == null ? null : Role.of(role), JsonBodies.stringList(body, "teams"),
                    JsonBodies.text(body, "password"), JsonBodies.bool(body, "disabled"));
            answer(response, users.change(parts[0], change, request.getRemoteUser()), parts[0]);
        });
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length != 1 || parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "DELETE /users/{username}");
            return;
        }
        UserErrors.answering(response, LOG, () -> {
            if (users.delete(parts[0], request.getRemoteUser())) {
                response.setStatus(204);
            } else {
                JsonResponses.error(response, 404, "not_found", "no user " + parts[0]);
            }
        });
    }

    private static void answer(HttpServletResponse response, Optional<User> user, String username) throws IOException {
        if (user.isPresent()) {
            JsonResponses.write(response, 200, view(user.get()));
        } else {
            JsonResponses.error(response, 404, "not_found", "no user " + username);
        }
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
