package org.seamline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the database, its trace file and the logs readable by their owner only, also where an earlier version or a
 * loose umask left them readable by every local user. bin/seamline's umask covers what is created later.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code dir} if needed and restricts it and all it holds; without POSIX permissions, leaves them be. */
    static void restrict(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(path)) {
                    Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
                }
            }
        }
    }
}
