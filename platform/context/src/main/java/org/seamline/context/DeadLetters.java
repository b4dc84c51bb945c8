package org.seamline.context;

import java.sql.SQLException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Replies that failed for good, and sending them again once the cause is fixed (a channel redeployed, a secret set). */
@ProviderType
public interface DeadLetters {

    /** Failed replies, oldest first. */
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
}
