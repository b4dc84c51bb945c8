package org.seamline.live.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.seamline.core.security.CallerRechecks;
import org.seamline.core.users.Role;

/**
 * One open stream: where it has read the {@link EventLog} to, and what it must still say before the next event
 * (its opening, a reset, the presence snapshot, a heartbeat). Its only buffer is the shared log: a client that
 * falls more than the allowed lag behind is closed and resumes with {@code Last-Event-ID}.
 */
final class Subscriber {

    static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.UTF_8);

    final String username;
    final Role role;
    final CallerRechecks.Recheck recheck;
    private final Sink sink;
    private final Deque<byte[]> before = new ArrayDeque<>();
    private long position;
    private boolean heartbeatDue;
    private boolean flushDue;
    private boolean closed;

    Subscriber(String username, Role role, CallerRechecks.Recheck recheck, Sink sink, long position) {
        this.username = username;
        this.role = role;
        this.recheck = recheck;
        this.sink = sink;
        this.position = position;
    }

    /** Queues a frame that is not in the log (sent before the next event from the log). */
    synchronized void say(byte[] frame) {
        before.add(frame);
    }

    /** Runs the sink's start under this stream's lock, so no pump sees it half started. */
    synchronized void start(Runnable startSink) {
        startSink.run();
    }

    synchronized void heartbeat() {
        heartbeatDue = true;
    }

    /**
     * Writes whatever is due while the client takes it. False when the stream is (now) closed: it was closed
     * before, its client stopped taking bytes while more than {@code maxLag} events behind, events it had not sent
     * left the log, or a write failed. A client that is behind but reading (one that just resumed) catches up.
     */
    synchronized boolean pump(EventLog log, long maxLag) {
        if (closed) {
            return false;
        }
        try {
            while (sink.isReady()) {
                byte[] next = before.poll();
                if (next == null) {
                    EventLog.Entry entry = log.after(position);
                    if (entry != null) {
                        position = entry.position();
                        next = entry.frame();
                    } else if (log.lost(position)) {
                        close();
                        return false;
                    }
                }
                if (next == null && heartbeatDue) {
                    heartbeatDue = false;
                    next = HEARTBEAT;
                }
                if (next != null) {
                    sink.write(next);
                    flushDue = true;
                } else if (flushDue) {
                    flushDue = false;
                    sink.flush();
                } else {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            close(); // the client went away
            return false;
        }
        if (log.head() - position > maxLag) {
            close();
            return false;
        }
        return true;
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            before.clear();
            sink.close();
        }
    }
}
