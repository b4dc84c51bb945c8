package org.seamline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordTest {

    @TempDir
    Path etc;

    @Test
    void theEnvironmentWinsAndNothingIsWritten() throws Exception {
        AdminPassword password = AdminPassword.resolve("from-env", etc);

        assertNull(password.generatedFile());
        assertTrue(Files.notExists(etc.resolve(AdminPassword.FILE_NAME)));
        assertEquals("{sha-256}Q9bWOwYMLok/5jJjsLf2/QTywWywXUA268fiEnkkO1U=", password.sha256Hash());
    }

    @Test
    void aGeneratedPasswordIsWrittenOnceOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        AdminPassword first = AdminPassword.resolve(null, etc);
        Path file = first.generatedFile();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).strip().length() >= 24, "at least 18 random bytes");

        AdminPassword second = AdminPassword.resolve("", etc);
        assertNull(second.generatedFile());
        assertEquals(first.sha256Hash(), second.sha256Hash());
    }

    @Test
    void twoInstallationsGetDifferentPasswords(@TempDir Path other) throws Exception {
        assertNotEquals(AdminPassword.resolve(null, etc).sha256Hash(), AdminPassword.resolve(null, other).sha256Hash());
    }

    @Test
    void anEmptyPasswordFileIsRefusedNotTakenAsNoPassword() throws Exception {
        Files.writeString(etc.resolve(AdminPassword.FILE_NAME), "\n");
        assertThrows(IOException.class, () -> AdminPassword.resolve(null, etc));
    }

    @Test
    void thePasswordIsHandedOverOnceOnly() throws Exception {
        var handOver = AdminPassword.resolve("from-the-environment", etc).handOver();

        assertEquals("from-the-environment", handOver.get());
        assertNull(handOver.get(), "a second look finds nothing");
    }
}
