package org.seamline.core.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MinimumRateInputStreamTest {

    /** A body arriving one byte per read, each read taking {@code nanosPerByte} of the fake clock. */
    private long now;

    @Test
    void aBodyArrivingFastEnoughIsReadWhole() throws IOException {
        byte[] content = new byte[4096];
        MinimumRateInputStream body = new MinimumRateInputStream(trickle(content, TimeUnit.MICROSECONDS.toNanos(100)), () -> now);

        assertArrayEquals(content, body.readAllBytes());
    }

    @Test
    void aBodyTrickledAByteEveryTwoSecondsIsCutOffWithinSeconds() {
        MinimumRateInputStream body = new MinimumRateInputStream(trickle(new byte[1000], TimeUnit.SECONDS.toNanos(2)), () -> now);

        SlowBodyException slow = assertThrows(SlowBodyException.class, body::readAllBytes);
        assertEquals(TimeUnit.SECONDS.toNanos(2), now, "after its first slow byte: " + slow.getMessage());
    }

    @Test
    void aClientThatStopsSendingIsReportedAsASlowBody() {
        ServletInputStream broken = new BodyOf(new ByteArrayInputStream(new byte[0]), 0) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("idle timeout");
            }
        };

        assertThrows(SlowBodyException.class, () -> new MinimumRateInputStream(broken, () -> now).read(new byte[10]));
    }

    private ServletInputStream trickle(byte[] content, long nanosPerByte) {
        return new BodyOf(new ByteArrayInputStream(content), nanosPerByte);
    }

    private class BodyOf extends ServletInputStream {
        private final ByteArrayInputStream in;
        private final long nanosPerByte;

        BodyOf(ByteArrayInputStream in, long nanosPerByte) {
            this.in = in;
            this.nanosPerByte = nanosPerByte;
        }

        @Override
        public int read() {
            now += nanosPerByte;
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, Math.min(len, 1));
            if (n > 0) {
                now += nanosPerByte;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
