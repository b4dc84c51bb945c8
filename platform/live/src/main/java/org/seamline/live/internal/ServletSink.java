package org.seamline.live.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/**
 * A stream's response in non-blocking mode: writes go only as far as the client takes them, and the container calls
 * back ({@link WriteListener}) when it can take more, so a slow or stalled client holds neither a thread nor more
 * than one pending write. The container's idle timeout ends a write the client never takes.
 */
final class ServletSink implements Sink, WriteListener, AsyncListener {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile Runnable onWritable = () -> { };
    private volatile Runnable onEnded = () -> { };
    private volatile boolean started;
    private volatile boolean completed;

    ServletSink(AsyncContext async) throws IOException {
        this.async = async;
        this.out = async.getResponse().getOutputStream();
    }

    /** Starts writing: {@code writable} pumps the stream, {@code ended} forgets it, however the response ends. */
    void start(Runnable writable, Runnable ended) {
        this.onWritable = writable;
        this.onEnded = ended;
        async.addListener(this);
        out.setWriteListener(this); // the container calls onWritePossible when the first write may go
        started = true;
    }

    @Override
    public boolean isReady() {
        return started && !completed && out.isReady(); // before start, a write would block
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (!completed) {
            completed = true;
            try {
                async.complete();
            } catch (IllegalStateException alreadyEnded) {
                // the container ended the response first (client gone, timeout)
            }
        }
    }

    @Override
    public void onWritePossible() {
        onWritable.run();
    }

    @Override
    public void onError(Throwable failure) {
        onEnded.run();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        onEnded.run();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        onEnded.run();
    }

    @Override
    public void onError(AsyncEvent event) {
        onEnded.run();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
