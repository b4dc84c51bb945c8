package org.seamline.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document and the resources cannot drift apart: every method and path a resource answers
 * is in the document, and every one the document promises is answered by a resource.
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /**
     * In the same document but no resource of this bundle: the browser's sign-in is core's servlet, the event stream
     * the live bundle's (a stream needs non-blocking writes; see docs/live-updates.md).
     */
    private static final Set<String> SERVED_BY_SERVLETS = Set.of("/session", "/events");

    @Test
    void theDocumentDescribesExactlyWhatTheResourcesServe() throws Exception {
        Set<String> served = served();
        Set<String> documented = documented();
        assertTrue(served.size() > 30, "the resources were found: " + served);

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeAll(served);
        assertEquals(Set.of(), undocumented, "served but missing from openapi.json");
        assertEquals(Set.of(), unserved, "in openapi.json but served by no resource");
    }

    @Test
    void everyResourceIsWatchedByTheHealthCheck() throws Exception {
        assertEquals(resources().size(), ApiHealth.RESOURCES.size(), "ApiHealth.RESOURCES names every resource");
    }

    /** "GET /customers/{}": path parameters are compared by position, not by name. */
    private static Set<String> served() throws Exception {
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : resources()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    served.add(verb + " " + normalised(base + (sub == null ? "" : "/" + sub.value())));
                }
            }
        }
        return served;
    }

    private static Set<String> documented() throws IOException {
        Set<String> documented = new TreeSet<>();
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            JsonNode paths = new ObjectMapper().readTree(in).get("paths");
            for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
                String path = it.next();
                for (Iterator<String> verbs = paths.get(path).fieldNames(); verbs.hasNext(); ) {
                    String verb = verbs.next();
                    if (METHODS.contains(verb) && !SERVED_BY_SERVLETS.contains(path)) {
                        documented.add(verb.toUpperCase(Locale.ROOT) + " " + normalised(path));
                    }
                }
            }
        }
        return documented;
    }

    /** Every class of this package that Jakarta REST would serve (annotated with @Path). */
    private static List<Class<?>> resources() throws IOException, URISyntaxException {
        java.nio.file.Path dir = java.nio.file.Path.of(OpenApiResource.class.getResource("OpenApiResource.class").toURI()).getParent();
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load("org.seamline.rest." + name.substring(0, name.length() - ".class".length())))
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String normalised(String path) {
        String joined = ("/" + path).replaceAll("/+", "/").replaceAll("\\{[^}]*}", "{}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
