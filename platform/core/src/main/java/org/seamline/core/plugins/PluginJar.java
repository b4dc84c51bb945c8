package org.seamline.core.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Version;

/** What an uploaded jar says it is: an OSGi bundle with an id, a version and the plugin header, or it is refused. */
record PluginJar(String id, Version version, String kind) {

    static PluginJar read(Path jar) throws PluginException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException | SecurityException e) {
            throw invalid("the file is not a jar");
        }
        if (manifest == null) {
            throw invalid("the jar has no manifest, so it is not an OSGi bundle");
        }
        Attributes main = manifest.getMainAttributes();
        String name = main.getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank() || !"2".equals(strip(main.getValue("Bundle-ManifestVersion")))) {
            throw invalid("the jar is not an OSGi bundle (no Bundle-SymbolicName or Bundle-ManifestVersion: 2)");
        }
        String kind = strip(main.getValue(PluginRegistry.HEADER));
        if (kind == null || kind.isEmpty()) {
            throw invalid("the bundle is not a Seamline plugin (no " + PluginRegistry.HEADER + " header)");
        }
        String id = name.split(";", 2)[0].strip();
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw invalid("the bundle's symbolic name is not a plain name");
        }
        try {
            return new PluginJar(id, Version.parseVersion(strip(main.getValue("Bundle-Version"))), kind);
        } catch (IllegalArgumentException e) {
            throw invalid("the bundle's version is malformed");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static PluginException invalid(String message) {
        return new PluginException(PluginException.Kind.INVALID, message);
    }
}
