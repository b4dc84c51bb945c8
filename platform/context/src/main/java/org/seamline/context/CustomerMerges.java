package org.seamline.context;

import java.sql.SQLException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Joins and separates customers. A merge is atomic, audited and reversible: nothing is moved or deleted, the merged
 * customer only points at the survivor, so {@link #unmerge} gives both back exactly as they were.
 */
@ProviderType
public interface CustomerMerges {

    /** Merges {@code mergedId} (and what it holds) into {@code survivorId}; both are taken as the customers they currently are. */
    MergeRecord merge(String survivorId, String mergedId, String actor, String reason) throws SQLException, MergeException;

    MergeRecord unmerge(String mergeId, String actor) throws SQLException, MergeException;

    /** Every merge a customer took part in, newest first, undone ones included. */
    List<MergeRecord> merges(String customerId) throws SQLException;
}
