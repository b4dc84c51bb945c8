package org.seamline.camel.routes;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route file in deploy/: {@code <name>.camel.yaml} or {@code <name>.camel.xml}. Its CamelContext is called
 * {@code <name>}; its plugin id is the file name.
 */
record RouteFile(Path path, String name, Dsl dsl) {

    enum Dsl { YAML, XML }

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]{0,99})\\.camel\\.(yaml|xml)");

    static Optional<RouteFile> of(Path path) {
        Matcher matcher = NAME.matcher(path.getFileName().toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RouteFile(path, matcher.group(1), matcher.group(2).equals("yaml") ? Dsl.YAML : Dsl.XML));
    }

    String id() {
        return path.getFileName().toString();
    }
}
