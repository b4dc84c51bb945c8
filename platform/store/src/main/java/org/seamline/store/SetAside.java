package org.seamline.store;

/** An inbound message the processor could not handle, with the reason: the inbox's dead letter. */
public record SetAside(Interaction interaction, String reason) {
}
