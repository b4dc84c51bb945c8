package org.seamline.core.http;

import java.io.IOException;

/** The request body is over the configured limit; answer 413. */
public class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
