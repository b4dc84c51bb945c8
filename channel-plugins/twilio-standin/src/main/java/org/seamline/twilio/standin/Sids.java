package org.seamline.twilio.standin;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Twilio resource ids: a two-letter prefix and 32 lowercase hex digits. */
final class Sids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sids() {
    }

    static String next(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
