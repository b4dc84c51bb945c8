package org.seamline.context;

import java.sql.SQLException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Replies that failed for good, and sending them again once the cause is fixed (a channel redeployed, a secret set). */
@ProviderType
public interface DeadLetters {

    /** Failed replies not discarded, oldest first. */
    default List<FailedReply> failedReplies(int limit) throws SQLException {
        return failedReplies(0, limit);
    }

    /** One page of the failed replies, oldest first. */
    List<FailedReply> failedReplies(int offset, int limit) throws SQLException;

    /**
     * Queues a failed reply again with fresh attempts and the same idempotency key, so a receiver that got an earlier
     * attempt can drop it. False when the message is not a failed reply.
     */
    boolean retryReply(String messageId, String actor) throws SQLException;

    /**
     * Gives up on a failed reply for good: it leaves the list and can no longer be retried, and the conversation's
     * timeline says who discarded it. False when the message is not a failed reply (or was retried or discarded
     * meanwhile).
     */
    boolean discardReply(String messageId, String actor) throws SQLException;
}
