package org.seamline.channel.email;

/** Mail that can never be read (malformed MIME, too large, no usable sender): it goes to the failed folder. */
final class UnreadableMailException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableMailException(String message) {
        super(message);
    }

    UnreadableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
