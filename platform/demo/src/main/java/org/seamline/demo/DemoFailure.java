package org.seamline.demo;

/** Why the demo cannot go on, in words for the person who started it (printed without a stack trace). */
final class DemoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoFailure(String message) {
        super(message);
    }
}
