package org.seamline.camel.routes;

/** A route file that cannot run; the message says why, for the log and the plugin list. */
final class RouteFileException extends Exception {

    private static final long serialVersionUID = 1L;

    RouteFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
