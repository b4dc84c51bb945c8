package org.seamline.store;

import java.util.Optional;

/**
 * An inbound message the processor could not handle, with the reason: the inbox's dead letter. The message itself
 * is empty when its stored form no longer reads as a message; the dead letter is listed all the same, by its id.
 */
public record SetAside(String interactionId, Optional<Interaction> interaction, String reason) {
}
