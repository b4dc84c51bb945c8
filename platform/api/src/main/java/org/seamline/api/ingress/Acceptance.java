package org.seamline.api.ingress;

/**
 * The answer of {@link Ingress#accept}: the stored interaction's id, and whether the message had been accepted
 * before (then nothing new was stored and the id is the first one's).
 */
public record Acceptance(String interactionId, boolean duplicate) {
}
