package org.seamline.context;

import java.time.Instant;

/**
 * One merge in the audit trail: who joined which customers, why and on what evidence, and whether (and by whom)
 * it was undone. {@code actor} is {@code admin} for manual merges and {@code policy:<name>} for automatic ones.
 */
public record MergeRecord(String id, String survivorId, String mergedId, String actor, String reason, String evidence,
                          Instant mergedAt, Instant undoneAt, String undoneBy) {
}
