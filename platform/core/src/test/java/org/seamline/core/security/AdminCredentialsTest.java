package org.seamline.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AdminCredentialsTest {

    private static String hashOf(String password) throws Exception {
        return "{sha-256}" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsOnlyTheAdminWithTheRightPassword() throws Exception {
        AdminCredentials credentials = new AdminCredentials(hashOf("pässwörd:with colon"));

        assertTrue(credentials.accepts(basic("admin:pässwörd:with colon")));
        assertTrue(credentials.accepts("basic " + basic("admin:pässwörd:with colon").substring(6)), "scheme is case-insensitive");
        assertFalse(credentials.accepts(basic("admin:wrong")));
        assertFalse(credentials.accepts(basic("root:pässwörd:with colon")));
        assertFalse(credentials.accepts(basic("admin:admin")));
    }

    @Test
    void refusesMissingOrMalformedHeaders() throws Exception {
        AdminCredentials credentials = new AdminCredentials(hashOf("x"));
        assertFalse(credentials.accepts(null));
        assertFalse(credentials.accepts("Bearer abc"));
        assertFalse(credentials.accepts("Basic !!!not-base64"));
        assertFalse(credentials.accepts(basic("no-colon")));
    }

    @Test
    void refusesToStartWithoutAHash() {
        assertThrows(IllegalArgumentException.class, () -> new AdminCredentials(null));
        assertThrows(IllegalArgumentException.class, () -> new AdminCredentials("plain-password"));
    }

    @Test
    void namesTheClaimedUserButNeverThePassword() {
        assertEquals("root", AdminCredentials.claimedUser(basic("root:secret")));
        assertEquals("", AdminCredentials.claimedUser(basic(":secret")));
        assertNull(AdminCredentials.claimedUser("Bearer abc"));
        assertNull(AdminCredentials.claimedUser(basic("no-colon")));
    }
}
