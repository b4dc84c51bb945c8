package org.seamline.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.seamline.core.users.ApiToken;
import org.seamline.core.users.ApiTokens;
import org.seamline.core.users.IssuedToken;
import org.seamline.core.users.Role;
import org.seamline.core.users.User;
import org.seamline.core.users.UserException;
import org.seamline.core.users.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/tokens}: {@code POST {"name", "role"}} answers 201 with the token, shown this once;
 * {@code GET} lists name, role, creator, created and last used (never a token); {@code DELETE /tokens/{id}} revokes at
 * once. Admins only (the guard's role table).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/tokens", "/tokens/*"})
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class TokensServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TokensServlet.class);
    private static final int MAX_BODY = 4096;

    private final transient ApiTokens tokens;
    private final transient Users users;

    @Activate
    public TokensServlet(@Reference ApiTokens tokens, @Reference Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (PathParts.of(request).length != 0) {
            JsonResponses.error(response, 404, "not_found", "POST /tokens");
            return;
        }
        UserErrors.answering(response, LOG, () -> {
            ObjectNode body = JsonBodies.object(request, MAX_BODY);
            String name = JsonBodies.required(body, "name");
            Role role = Role.of(JsonBodies.required(body, "role"));
            Optional<User> creator = users.find(request.getRemoteUser());
            if (creator.isEmpty()) {
                throw new UserException(UserException.Kind.FORBIDDEN, "only a stored user can create tokens");
            }
            // A token creating a token gets no more than its own role, whatever its creator's.
            User acting = new User(creator.get().username(), Role.lower(creator.get().role(), ApiContext.principal(request).role()),
                    creator.get().teams(), false, creator.get().createdAt(), creator.get().updatedAt());
            IssuedToken issued = tokens.issue(name, role, acting);
            Map<String, Object> view = view(issued.details());
            view.put("token", issued.token());
            response.setHeader("Cache-Control", "no-store");
            JsonResponses.write(response, 201, view);
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length > 1 || parts.length == 1 && !parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "GET /tokens");
            return;
        }
        UserErrors.answering(response, LOG, () -> JsonResponses.write(response, 200,
                Map.of("items", tokens.list().stream().map(TokensServlet::view).toList())));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = PathParts.of(request);
        if (parts.length != 1 || parts[0].isEmpty()) {
            JsonResponses.error(response, 404, "not_found", "DELETE /tokens/{id}");
            return;
        }
        UserErrors.answering(response, LOG, () -> {
            if (tokens.revoke(parts[0], request.getRemoteUser())) {
                response.setStatus(204);
            } else {
                JsonResponses.error(response, 404, "not_found", "no token " + parts[0]);
            }
        });
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
