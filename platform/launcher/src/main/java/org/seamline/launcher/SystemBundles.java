package org.seamline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Installs {@code system/<start level>/*.jar} and starts every non-fragment bundle. {@code system/shell/} (the Gogo
 * shell) joins at {@link #SHELL_START_LEVEL} only for an interactive run: without a terminal it has nothing to do.
 */
final class SystemBundles {

    static final String SHELL_DIR = "shell";
    static final int SHELL_START_LEVEL = 2;

    private SystemBundles() {
    }

    static void install(BundleContext context, Path systemDir, boolean withShell) throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        List<Path> levels;
        try (Stream<Path> dirs = Files.list(systemDir)) {
            levels = dirs.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("\\d+")).sorted().toList();
        }
        for (Path levelDir : levels) {
            installAll(context, levelDir, Integer.parseInt(levelDir.getFileName().toString()), installed);
        }
        Path shellDir = systemDir.resolve(SHELL_DIR);
        if (withShell && Files.isDirectory(shellDir)) {
            installAll(context, shellDir, SHELL_START_LEVEL, installed);
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
    }

    private static void installAll(BundleContext context, Path dir, int level, List<Bundle> installed)
            throws IOException, BundleException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            Bundle bundle = context.installBundle(jar.toUri().toString());
            bundle.adapt(BundleStartLevel.class).setStartLevel(level);
            installed.add(bundle);
        }
    }
}
