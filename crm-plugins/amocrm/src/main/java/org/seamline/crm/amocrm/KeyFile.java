package org.seamline.crm.amocrm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 key that seals the tokens: base64 of 32 random bytes in a file of its own, created on first use
 * readable by the owner only ({@code rw-------}, its folder {@code rwx------}). Losing it means re-authorising the
 * integration: the sealed tokens cannot be opened without it.
 */
final class KeyFile {

    static final String DEFAULT_LOCATION = "etc/keys/crm.amocrm.key";
    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Object CREATING = new Object();

    private KeyFile() {
    }

    /** The key at {@code path}, made there if the file is missing. Messages name the path, never the key. */
    static SecretKey loadOrCreate(Path path) throws IOException {
        synchronized (CREATING) {
            if (!Files.exists(path)) {
                try {
                    create(path);
                    LOG.info("Created the amoCRM token key {}; keep a copy: without it the integration must be authorised again", path);
                } catch (FileAlreadyExistsException e) {
                    // another node sharing the folder made it first: use theirs
                }
            }
            return read(path);
        }
    }

    private static void create(Path path) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(folder)) {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path written = posix ? Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY)) : Files.createFile(path);
        Files.write(written, Base64.getEncoder().encode(key), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static SecretKey read(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(path))) {
            LOG.warn("The amoCRM token key {} is readable by others; make it rw------- (chmod 600)", path);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(new String(Files.readAllBytes(path), StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("the key file " + path + " does not hold a base64 key");
        }
        if (key.length != 32) {
            throw new IOException("the key file " + path + " must hold a base64 32-byte key");
        }
        return new SecretKeySpec(key, "AES");
    }
}
