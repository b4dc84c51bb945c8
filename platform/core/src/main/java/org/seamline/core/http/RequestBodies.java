package org.seamline.core.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body as raw bytes (signatures are computed over exactly these) without ever holding more than the limit. */
public final class RequestBodies {

    private static final int CHUNK = 8192;

    private RequestBodies() {
    }

    public static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return read(request.getInputStream(), maxBytes);
    }

    /**
     * For an answer to a request whose body was not read to its end (refused before reading: 401, 404, 413, …): says
     * {@code Connection: close}. The server closes such a connection rather than read the rest, and a client told
     * nothing would send its next request into the closed socket and get no answer at all.
     */
    public static void closeIfUnread(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() == 0 || response.isCommitted()) {
            return;
        }
        boolean finished;
        try {
            finished = request.getInputStream().isFinished();
        } catch (IllegalStateException readAsText) {
            finished = true; // read through getReader(): the servlet took the body
        }
        if (!finished) {
            response.setHeader("Connection", "close");
        }
    }

    /** A body already handed over as a stream (Jakarta REST readers), read the same bounded way. */
    public static byte[] read(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, CHUNK));
        byte[] buffer = new byte[CHUNK];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
