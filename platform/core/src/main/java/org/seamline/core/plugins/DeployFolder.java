package org.seamline.core.plugins;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * deploy/, which FileInstall watches. A jar appears there whole (written beside it under a name FileInstall ignores,
 * then renamed), so it never installs half a file.
 */
final class DeployFolder {

    private final Path dir;

    DeployFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The jar in deploy/ a bundle was installed from, if FileInstall installed it from there. */
    Optional<Path> fileOf(String location) {
        try {
            Path file = Path.of(URI.create(location)).toAbsolutePath().normalize();
            return file.getParent() != null && file.getParent().equals(dir) ? Optional.of(file) : Optional.empty();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty(); // not a file: URI, so not from deploy/
        }
    }

    /** Where a new plugin's jar goes: named by its id, which the caller checked to be a plain name. */
    Path fileFor(String id) {
        return dir.resolve(id + ".jar");
    }

    void place(Path jar, Path target) throws IOException {
        Files.createDirectories(dir);
        Path part = dir.resolve("." + target.getFileName() + ".part");
        Files.move(jar, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
