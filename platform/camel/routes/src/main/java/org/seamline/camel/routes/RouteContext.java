package org.seamline.camel.routes;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.dsl.xml.io.XmlRoutesBuilderLoader;
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesBuilderLoader;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running CamelContext of one route file. It is started whole or not at all: a file that does not parse, names
 * a component the platform does not have, or has a bad endpoint URI is refused and leaves nothing running.
 */
final class RouteContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouteContext.class);
    private static final int MAX_REASON = 1000;

    private final CamelContext camel;

    private RouteContext(CamelContext camel) {
        this.camel = camel;
    }

    /**
     * Parses and starts the file's routes in a new context from {@code contexts}.
     *
     * @throws RouteFileException with what is wrong, in Camel's words
     */
    static RouteContext start(Supplier<CamelContext> contexts, RouteFile file, byte[] content) throws RouteFileException {
        CamelContext camel = contexts.get();
        camel.getCamelContextExtension().setName(file.name());
        // The context's threads carry its name, so a thread dump shows which route file owns a thread (and that a
        // removed file left none); the default pattern took the generated name before ours was set.
        camel.getExecutorServiceManager().setThreadNamePattern("Camel (" + file.name() + ") thread ##counter# - #name#");
        // The loader is created here rather than found by file extension: in OSGi Camel looks loaders up through
        // the context's own bundle, which does not carry the DSL bundle's service files.
        try (RoutesBuilderLoader loader = file.dsl() == RouteFile.Dsl.YAML ? new YamlRoutesBuilderLoader() : new XmlRoutesBuilderLoader()) {
            loader.setCamelContext(camel);
            loader.start();
            Resource resource = ResourceHelper.fromBytes("file:" + file.id(), content);
            RoutesBuilder routes = loader.loadRoutesBuilder(resource);
            camel.addRoutes(routes);
            camel.start();
            if (camel.getRoutes().isEmpty()) {
                throw new IllegalArgumentException("the file defines no route");
            }
            return new RouteContext(camel);
        } catch (Exception | LinkageError e) {
            close(camel);
            throw new RouteFileException(reason(e), e);
        }
    }

    int routes() {
        return camel.getRoutes().size();
    }

    /** What went wrong: each distinct message along the causes, which is where Camel says what and where. */
    static String reason(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && messages.stream().noneMatch(m -> m.contains(message.strip()))) {
                messages.add(message.strip());
            }
        }
        String reason = messages.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", messages);
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }

    @Override
    public void close() {
        close(camel);
    }

    private static void close(CamelContext camel) {
        try {
            camel.close();
            LOG.info("CamelContext {} stopped", camel.getName());
        } catch (Exception e) {
            LOG.warn("CamelContext {} did not stop cleanly", camel.getName(), e);
        }
    }
}
