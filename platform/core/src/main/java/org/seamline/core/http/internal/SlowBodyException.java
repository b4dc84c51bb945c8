package org.seamline.core.http.internal;

import java.io.IOException;

/** The client sent its request body too slowly or stopped sending it; the answer, if any can go, is 408. */
final class SlowBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    SlowBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
