package org.seamline.twilio.standin;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A valid WAV file of silence (8 kHz, 16-bit mono PCM), so that downloaded recordings can be inspected. */
final class SilentWav {

    private static final int SAMPLE_RATE = 8000;
    private static final short BITS = 16;
    private static final int HEADER_BYTES = 44;

    private SilentWav() {
    }

    static byte[] of(int seconds) {
        int dataBytes = SAMPLE_RATE * (BITS / 8) * Math.max(0, seconds);
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(US_ASCII)).putInt(HEADER_BYTES - 8 + dataBytes).put("WAVE".getBytes(US_ASCII));
        wav.put("fmt ".getBytes(US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * BITS / 8).putShort((short) (BITS / 8)).putShort(BITS);
        wav.put("data".getBytes(US_ASCII)).putInt(dataBytes);
        return wav.array();
    }
}
