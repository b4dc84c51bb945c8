package org.seamline.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The admin password: from {@code SEAMLINE_ADMIN_PASSWORD}, else from the file generated on first start.
 * There is no default password. A hash of it goes into the framework properties (for the web console's own check);
 * the password itself only once, to the platform's user store, which keeps it as an Argon2id hash.
 */
final class AdminPassword {

    static final String FILE_NAME = "admin.password";
    private static final int RANDOM_BYTES = 18;

    private final String password;
    private final Path generatedFile;

    private AdminPassword(String password, Path generatedFile) {
        this.password = password;
        this.generatedFile = generatedFile;
    }

    /** Resolves the password; generates and writes one (owner-only) when neither the variable nor the file exists. */
    static AdminPassword resolve(String fromEnvironment, Path etcDir) throws IOException {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new AdminPassword(fromEnvironment, null);
        }
        Path file = etcDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.isEmpty()) {
                throw new IOException("The admin password file " + file + " is empty; delete it to generate a new one");
            }
            return new AdminPassword(stored, null);
        }
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(etcDir);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return resolve(null, etcDir);
        }
        Files.writeString(file, generated + System.lineSeparator(), StandardCharsets.UTF_8);
        return new AdminPassword(generated, file);
    }

    /** The file written on this start, or null when the password came from the environment or an existing file. */
    Path generatedFile() {
        return generatedFile;
    }

    /**
     * The password, handed over once: the first call answers it, every later one null. Registered as a service of the
     * JDK's own {@link Supplier} type, which the launcher and the bundles share, so the password never sits in framework
     * properties, where every bundle and the web console can read it.
     */
    Supplier<String> handOver() {
        AtomicReference<String> once = new AtomicReference<>(password);
        return () -> once.getAndSet(null);
    }

    /** {@code {sha-256}<base64>}: the form Felix WebConsole accepts as a hashed password, and the one the platform checks. */
    String sha256Hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{sha-256}" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
