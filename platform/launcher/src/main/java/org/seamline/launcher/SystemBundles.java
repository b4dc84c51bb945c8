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

/** Installs {@code system/<start level>/*.jar} and marks every non-fragment bundle for start. */
final class SystemBundles {

    private SystemBundles() {
    }

    static List<Bundle> install(BundleContext context, Path systemDir) throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        List<Path> levels;
        try (Stream<Path> dirs = Files.list(systemDir)) {
            levels = dirs.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("\\d+")).sorted().toList();
        }
        for (Path levelDir : levels) {
            int level = Integer.parseInt(levelDir.getFileName().toString());
            List<Path> jars;
            try (Stream<Path> files = Files.list(levelDir)) {
                jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                Bundle bundle = context.installBundle(jar.toUri().toString());
                bundle.adapt(BundleStartLevel.class).setStartLevel(level);
                installed.add(bundle);
            }
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        return installed;
    }
}
