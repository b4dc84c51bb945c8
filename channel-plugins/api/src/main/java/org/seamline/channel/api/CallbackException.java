package org.seamline.channel.api;

/** A callback attempt that failed in a way another attempt may fix (network, timeout, 429, 5xx). */
final class CallbackException extends Exception {

    private static final long serialVersionUID = 1L;

    CallbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
