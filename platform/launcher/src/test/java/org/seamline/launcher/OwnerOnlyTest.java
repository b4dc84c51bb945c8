package org.seamline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseLeftReadableByEveryoneBecomesTheOwnersOnly() throws Exception {
        Path data = dir.resolve("data");
        Path db = Files.createDirectories(data.resolve("db"));
        Path file = Files.writeString(db.resolve("seamline.mv.db"), "rows");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnly.restrict(data);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void createsTheDirectoryWhenMissing() throws Exception {
        OwnerOnly.restrict(dir.resolve("logs"));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("logs"))));
    }
}
