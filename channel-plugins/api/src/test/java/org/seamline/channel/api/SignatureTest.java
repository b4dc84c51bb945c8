package org.seamline.channel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {

    /** Vectors computed independently with {@code printf '%s' BODY | openssl dgst -sha256 -hmac s3cret}. */
    private static final String BODY = "{\"id\":\"m-1\",\"from\":{\"email\":\"anna@example.com\"}}";
    private static final String BODY_SIGNATURE = "sha256=abaf557f9a0ea7dff1eff47915cf8056374747cb3554477ca57ec8e6cd32fa19";
    private static final String EMOJI_BODY = "{\"id\":\"\uD83D\uDE42\",\"from\":{\"userId\":\"u\"}}";
    private static final String EMOJI_SIGNATURE = "sha256=f23f10cba11e42d20f98e037d115a1c2ee458491bdac3bb5e28ed15e8999f90d";

    private final Signature signature = new Signature("s3cret");

    @Test
    void matchesTheReferenceVectorsIncludingMultiByteBodies() {
        assertEquals(BODY_SIGNATURE, signature.sign(bytes(BODY)));
        assertEquals(EMOJI_SIGNATURE, signature.sign(bytes(EMOJI_BODY)));
        assertTrue(signature.verifies(bytes(BODY), BODY_SIGNATURE));
        assertTrue(signature.verifies(bytes(BODY), BODY_SIGNATURE.toUpperCase().replace("SHA256=", "sha256=")));
    }

    @Test
    void refusesWrongMissingMalformedAndOtherSecretSignatures() {
        assertFalse(signature.verifies(bytes(BODY + " "), BODY_SIGNATURE), "one changed byte");
        assertFalse(signature.verifies(bytes(BODY), null));
        assertFalse(signature.verifies(bytes(BODY), ""));
        assertFalse(signature.verifies(bytes(BODY), BODY_SIGNATURE.substring("sha256=".length())), "prefix missing");
        assertFalse(signature.verifies(bytes(BODY), "sha256=xyz"), "not hex");
        assertFalse(signature.verifies(bytes(BODY), "sha1=" + BODY_SIGNATURE.substring(7)), "other algorithm");
        assertFalse(new Signature("other").verifies(bytes(BODY), BODY_SIGNATURE));
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Signature(" "));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
