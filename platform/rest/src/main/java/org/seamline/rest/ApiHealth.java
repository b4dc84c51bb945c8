package org.seamline.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.seamline.api.health.Health;
import org.seamline.api.health.HealthContributor;
import org.seamline.core.security.ApiContext;

/**
 * The {@code api} part of {@code /health}: UP only once the Jakarta REST whiteboard serves every resource of this
 * bundle and the HTTP runtime serves core's sign-in, so the platform never reports UP while its API still answers 404.
 * (Service references alone were not enough: a whiteboard registration can lag behind its service.)
 */
@Component(service = HealthContributor.class)
public class ApiHealth implements HealthContributor {

    /** The resources of this bundle by their {@code osgi.jakartars.name}; a new resource adds its name here. */
    static final List<String> RESOURCES = List.of("seamline.attachments", "seamline.audit", "seamline.conversations", "seamline.crm",
            "seamline.customers", "seamline.dead-letters", "seamline.figures", "seamline.interactions", "seamline.openapi",
            "seamline.plugins", "seamline.presence", "seamline.settings", "seamline.tokens", "seamline.users");
    /** core's sign-in, registered once callers can be authenticated: before that the API could only answer 503. */
    static final String SESSION = "/session";

    private final JakartarsServiceRuntime rest;
    private final HttpServiceRuntime http;

    @Activate
    public ApiHealth(@Reference JakartarsServiceRuntime rest, @Reference HttpServiceRuntime http) {
        this.rest = rest;
        this.http = http;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public Health health() {
        Set<String> missing = new TreeSet<>(RESOURCES);
        ApplicationDTO application = rest.getRuntimeDTO().defaultApplication;
        if (application != null && application.resourceDTOs != null) {
            for (ResourceDTO resource : application.resourceDTOs) {
                missing.remove(resource.name);
            }
        }
        if (!servesSignIn()) {
            missing.add(SESSION);
        }
        return missing.isEmpty() ? new Health(Health.State.UP, ApiContext.PATH)
                : Health.down("not serving yet: " + String.join(", ", missing));
    }

    private boolean servesSignIn() {
        for (ServletContextDTO context : http.getRuntimeDTO().servletContextDTOs) {
            if (ApiContext.NAME.equals(context.name)) {
                for (ServletDTO servlet : context.servletDTOs) {
                    if (Arrays.asList(servlet.patterns).contains(SESSION)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
