package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.Party;

class UsableSendersTest {

    private final UsableSenders senders = new UsableSenders(new IdentifierNormalizer("DE"));

    @Test
    void aSenderWhoseOnlyIdentifiersAreUnusableIsRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> senders.check(Party.of("Anna",
                new Identifier("email", "not-an-email"), new Identifier("phone", "12345"))));
        assertTrue(e.getMessage().contains("email, phone are not valid"), e.getMessage());
        assertFalse(e.getMessage().contains("not-an-email"), "the value itself is personal data");
    }

    @Test
    void oneUsableIdentifierIsEnough() {
        assertDoesNotThrow(() -> senders.check(Party.of(null, new Identifier("email", "not-an-email"),
                new Identifier("phone", "030 123456"))));
        assertDoesNotThrow(() -> senders.check(Party.of(null, new Identifier("userId", "42"))));
    }

    @Test
    void partsTooLongToStoreAreRefusedNamingTheField() {
        String longMailbox = "a".repeat(320) + "@example.com";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> senders.check(Party.of(null,
                new Identifier("email", longMailbox)))).getMessage().contains("email is longer than 320"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> senders.check(Party.of(null,
                new Identifier("userId", "u".repeat(321))))).getMessage().contains("userId is longer than 320"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> senders.check(Party.of("n".repeat(513),
                new Identifier("userId", "42")))).getMessage().contains("name is longer than 512"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> senders.check(Party.of(null,
                new Identifier("t".repeat(33), "42")))).getMessage().contains("type is longer than 32"));
    }
}
