package org.seamline.core.health;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.api.health.Health;
import org.seamline.api.health.HealthContributor;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.internal.AdminSurfaceGuard;

/**
 * {@code GET /health}: 200 {@code {"status":"UP", "components": {...}}} when every required part is present and
 * not DOWN, otherwise 503 with the failing parts. Unauthenticated for load balancers, which see only each part's
 * UP/DOWN; the details (store kind and location, causes) only go to a caller with the admin's credentials.
 */
@Component(service = Servlet.class, configurationPid = "org.seamline.health")
@HttpWhiteboardServletPattern("/health")
@Designate(ocd = HealthConfiguration.class)
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient List<HealthContributor> contributors = new CopyOnWriteArrayList<>();
    private final List<String> required;

    @Activate
    public HealthServlet(HealthConfiguration config) {
        this.required = List.of(config.required());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(HealthContributor contributor) {
        contributors.add(contributor);
    }

    void removeContributor(HealthContributor contributor) {
        contributors.remove(contributor);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean admin = Boolean.TRUE.equals(request.getAttribute(AdminSurfaceGuard.AUTHENTICATED_ADMIN));
        Map<String, Object> components = new TreeMap<>();
        List<String> failing = new ArrayList<>();
        for (HealthContributor contributor : contributors) {
            Health health = safely(contributor);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", health.state());
            if (admin && health.detail() != null) {
                entry.put("detail", health.detail());
            }
            components.put(contributor.name(), entry);
            if (health.state() == Health.State.DOWN && required.contains(contributor.name())) {
                failing.add(contributor.name());
            }
        }
        for (String name : required) {
            if (!components.containsKey(name)) {
                components.put(name, admin ? Map.of("status", Health.State.DOWN, "detail", "not running")
                        : Map.of("status", Health.State.DOWN));
                failing.add(name);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", failing.isEmpty() ? "UP" : "DOWN");
        if (!failing.isEmpty()) {
            body.put("failing", failing);
        }
        body.put("components", components);
        JsonResponses.write(response, failing.isEmpty() ? 200 : 503, body);
    }

    private static Health safely(HealthContributor contributor) {
        try {
            return contributor.health();
        } catch (RuntimeException e) {
            return Health.down("health check failed: " + e.getClass().getSimpleName());
        }
    }
}
