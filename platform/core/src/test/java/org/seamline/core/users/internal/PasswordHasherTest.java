package org.seamline.core.users.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsAnArgon2idPhcStringWithItsParametersAndAFreshSalt() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second, "each hash has its own salt");
        assertFalse(first.contains("correct horse"));
    }

    @Test
    void verifiesTheRightPasswordOnlyWhateverParametersTheHashNames() {
        String stored = hasher.hash("pässwörd:with colon");
        assertTrue(hasher.verify("pässwörd:with colon", stored));
        assertFalse(hasher.verify("passwort:with colon", stored));
        assertFalse(hasher.verify("", stored));

        String older = new PasswordHasher(1024, 1, 1).hash("weaker parameters once");
        assertTrue(hasher.verify("weaker parameters once", older), "a hash made with other parameters still verifies");
    }

    @Test
    void anythingButAPhcArgon2idStringNeverVerifies() {
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", "{sha-256}LHDhK3oGRvkiefQnx7OOczTY5Tic/xZ6HcMOc/gmtoM="));
        assertFalse(hasher.verify("x", "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2g"));
        String stored = hasher.hash("tampered with");
        assertFalse(hasher.verify("tampered with", stored.substring(0, stored.length() - 2) + "AA"));
    }
}
