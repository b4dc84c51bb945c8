package org.seamline.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.seamline.api.health.Health;
import org.seamline.api.health.HealthContributor;
import org.seamline.core.security.ApiContext;

/**
 * The {@code api} part of {@code /health}: UP only once the HTTP runtime serves every REST servlet in the
 * authenticated {@code /api/v1} context, so the platform never reports UP while its API still answers 404. (Service
 * references alone were not enough: a servlet's whiteboard registration can lag behind its service.)
 */
@Component(service = HealthContributor.class)
public class ApiHealth implements HealthContributor {

    /**
     * The patterns of the servlets in this bundle; a new servlet adds its patterns here. {@code /session} is core's
     * sign-in, registered once callers can be authenticated: before that the API could only answer 503.
     */
    static final List<String> PATTERNS = List.of("/interactions", "/interactions/*", "/plugins", "/openapi.json",
            "/customers", "/customers/*", "/conversations", "/conversations/*", "/dead-letters", "/dead-letters/*",
            "/attachments/*", "/users", "/users/*", "/tokens", "/tokens/*", "/session");

    private final HttpServiceRuntime runtime;

    @Activate
    public ApiHealth(@Reference HttpServiceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public Health health() {
        Set<String> missing = new TreeSet<>(PATTERNS);
        for (ServletContextDTO context : runtime.getRuntimeDTO().servletContextDTOs) {
            if (ApiContext.NAME.equals(context.name)) {
                for (ServletDTO servlet : context.servletDTOs) {
                    Arrays.asList(servlet.patterns).forEach(missing::remove);
                }
            }
        }
        return missing.isEmpty() ? new Health(Health.State.UP, ApiContext.PATH)
                : Health.down("not serving yet: " + String.join(", ", missing));
    }
}
