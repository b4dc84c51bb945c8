package org.seamline.core.http.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A request body that must keep arriving at {@link #MIN_BYTES_PER_SECOND} on average once {@link #GRACE_NANOS} have
 * passed since the servlet began to read it. Each blocking read holds a server thread, so a client trickling its body
 * byte by byte would hold one for as long as it likes; this one is let go within seconds. A read that never returns is
 * ended by the server's idle timeout, which surfaces here as an {@link IOException} and is reported the same way.
 */
final class MinimumRateInputStream extends ServletInputStream {

    static final long MIN_BYTES_PER_SECOND = 1024;
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServletInputStream body;
    private final LongSupplier nanoTime;
    private long started = Long.MIN_VALUE;
    private long received;

    MinimumRateInputStream(ServletInputStream body, LongSupplier nanoTime) {
        this.body = body;
        this.nanoTime = nanoTime;
    }

    @Override
    public int read() throws IOException {
        begin();
        int b = reading(() -> body.read());
        counted(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        begin();
        int n = reading(() -> body.read(buffer, offset, length));
        counted(Math.max(n, 0));
        return n;
    }

    @Override
    public boolean isFinished() {
        return body.isFinished();
    }

    @Override
    public boolean isReady() {
        return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        body.setReadListener(listener);
    }

    private void begin() {
        if (started == Long.MIN_VALUE) {
            started = nanoTime.getAsLong();
        }
    }

    private void counted(int bytes) throws SlowBodyException {
        received += bytes;
        long late = nanoTime.getAsLong() - started - GRACE_NANOS;
        if (late > 0 && received < MIN_BYTES_PER_SECOND * late / TimeUnit.SECONDS.toNanos(1)) {
            throw new SlowBodyException("request body arrived slower than " + MIN_BYTES_PER_SECOND + " bytes/s", null);
        }
    }

    private static int reading(Read read) throws SlowBodyException {
        try {
            return read.run();
        } catch (IOException e) {
            throw new SlowBodyException("client stopped sending the request body (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private interface Read {
        int run() throws IOException;
    }
}
