package org.seamline.context;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The audit record an erasure leaves: which customer ids, by whom, when, and how many rows of each kind went. */
public record ErasureRecord(String id, List<String> customerIds, String actor, Instant erasedAt, Map<String, Integer> removed) {

    public ErasureRecord {
        customerIds = List.copyOf(customerIds);
        removed = Map.copyOf(removed);
    }
}
