package org.seamline.live.internal;

import java.io.IOException;

/**
 * Where a stream's bytes go, written without ever blocking: {@link #isReady()} says whether a write may be made now;
 * when it says no, the sink calls its stream's pump again once the client has taken what was written.
 */
interface Sink {

    boolean isReady();

    void write(byte[] bytes) throws IOException;

    void flush() throws IOException;

    /** Ends the response; the sink's owner then forgets the stream. */
    void close();
}
