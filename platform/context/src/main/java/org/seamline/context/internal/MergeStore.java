package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.seamline.context.MergeException;
import org.seamline.context.MergeRecord;

/**
 * SQL for merges: the customers' merge pointers ({@link MergeChain}) and the {@code customer_merge} audit trail, in
 * the caller's transaction.
 */
final class MergeStore {

    private static final String COLUMNS = "id, survivor_id, merged_id, actor, reason, evidence, merged_at, undone_at, undone_by";

    private final CustomerStore customers;
    private final ConversationStore conversations = new ConversationStore();
    private final TimelineStore timeline = new TimelineStore();

    MergeStore(CustomerStore customers) {
        this.customers = customers;
    }

    MergeRecord merge(Connection c, String survivorId, String mergedId, String actor, String reason, String evidence)
            throws SQLException, MergeException {
        // First, as every identity change does: it locks the one version row, so merges from any node take turns,
        // and what is read below is what the merges before this one left (never two opposite merges both done).
        IdentityCache.bump(c);
        String survivor = customers.canonical(c, survivorId)
                .orElseThrow(() -> new MergeException(MergeException.Kind.NOT_FOUND, "no customer with id " + survivorId));
        String merged = customers.canonical(c, mergedId)
                .orElseThrow(() -> new MergeException(MergeException.Kind.NOT_FOUND, "no customer with id " + mergedId));
        if (survivor.equals(merged)) {
            throw new MergeException(MergeException.Kind.CONFLICT, "both ids are already the same customer " + survivor);
        }
        List<String> survivorMembers = customers.members(c, survivor);
        List<String> mergedMembers = customers.members(c, merged);
        if (!customers.join(c, merged, survivor)) {
            throw new MergeException(MergeException.Kind.CONFLICT, "customer " + merged + " changed while merging");
        }
        MergeRecord record = new MergeRecord(UUID.randomUUID().toString(), survivor, merged, actor, reason, evidence,
                Instant.now(), null, null);
        try (PreparedStatement audit = c.prepareStatement("INSERT INTO customer_merge "
                + "(id, survivor_id, merged_id, actor, reason, evidence, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            audit.setString(1, record.id());
            audit.setString(2, survivor);
            audit.setString(3, merged);
            audit.setString(4, actor);
            audit.setString(5, reason);
            audit.setString(6, evidence);
            audit.setObject(7, record.mergedAt().atOffset(ZoneOffset.UTC));
            audit.executeUpdate();
        }
        conversations.mergeOpenConversations(c, survivorMembers, mergedMembers, record.id());
        timeline.event(c, survivor, null, "merge", "customer " + merged + " merged in by " + actor + " (merge " + record.id() + ")");
        return record;
    }

    MergeRecord unmerge(Connection c, String mergeId, String actor) throws SQLException, MergeException {
        IdentityCache.bump(c); // first, as in merge: unmerges and merges take turns
        MergeRecord merge = find(c, mergeId)
                .orElseThrow(() -> new MergeException(MergeException.Kind.NOT_FOUND, "no merge with id " + mergeId));
        if (merge.undoneAt() != null) {
            throw new MergeException(MergeException.Kind.CONFLICT, "merge " + mergeId + " was already undone");
        }
        if (!customers.separate(c, merge.mergedId(), merge.survivorId())) {
            throw new MergeException(MergeException.Kind.CONFLICT, "customer " + merge.mergedId() + " is no longer merged by " + mergeId);
        }
        conversations.unmergeConversations(c, mergeId);
        timeline.event(c, merge.survivorId(), null, "unmerge", "customer " + merge.mergedId() + " separated by " + actor + " (merge " + mergeId + ")");
        timeline.event(c, merge.mergedId(), null, "unmerge", "separated from customer " + merge.survivorId() + " by " + actor + " (merge " + mergeId + ")");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement audit = c.prepareStatement("UPDATE customer_merge SET undone_at = ?, undone_by = ? WHERE id = ?")) {
            audit.setObject(1, now);
            audit.setString(2, actor);
            audit.setString(3, mergeId);
            audit.executeUpdate();
        }
        return find(c, mergeId).orElseThrow();
    }

    List<MergeRecord> merges(Connection c, String customerId) throws SQLException {
        List<MergeRecord> merges = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS
                + " FROM customer_merge WHERE survivor_id = ? OR merged_id = ? ORDER BY merged_at DESC")) {
            q.setString(1, customerId);
            q.setString(2, customerId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    merges.add(record(r));
                }
            }
        }
        return merges;
    }

    private Optional<MergeRecord> find(Connection c, String mergeId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM customer_merge WHERE id = ?")) {
            q.setString(1, mergeId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(record(r)) : Optional.empty();
            }
        }
    }

    private static MergeRecord record(ResultSet r) throws SQLException {
        OffsetDateTime undone = r.getObject("undone_at", OffsetDateTime.class);
        return new MergeRecord(r.getString("id"), r.getString("survivor_id"), r.getString("merged_id"), r.getString("actor"),
                r.getString("reason"), r.getString("evidence"), r.getObject("merged_at", OffsetDateTime.class).toInstant(),
                undone == null ? null : undone.toInstant(), r.getString("undone_by"));
    }
}
