package org.seamline.context.internal;

/** Names shared by the context components. */
final class ContextComponents {

    /** One configuration, {@code etc/org.seamline.context.cfg}, for every component of the customer context. */
    static final String PID = "org.seamline.context";

    private ContextComponents() {
    }
}
