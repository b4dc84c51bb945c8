package org.seamline.channel.api;

/** The posted JSON is malformed or misses a field; the message names the problem for the sender. */
final class InvalidMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidMessageException(String message) {
        super(message);
    }
}
