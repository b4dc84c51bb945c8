package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.context.DeadLetters;
import org.seamline.context.FailedReply;
import org.seamline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DeadLetters} on the outbox: a retry is recorded on the conversation's timeline with who asked for it. */
@Component(service = DeadLetters.class)
public class DeadLettersService implements DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLettersService.class);

    private final Database database;
    private final OutboxStore outbox = new OutboxStore();
    private final TimelineStore timeline = new TimelineStore();

    @Activate
    public DeadLettersService(@Reference Database database) {
        this.database = database;
    }

    @Override
    public List<FailedReply> failedReplies(int offset, int limit) throws SQLException {
        return database.read(c -> outbox.failed(c, offset, limit));
    }

    @Override
    public boolean retryReply(String messageId, String actor) throws SQLException {
        return settle(messageId, actor, outbox::requeue, "reply:retried", "queued again");
    }

    @Override
    public boolean discardReply(String messageId, String actor) throws SQLException {
        return settle(messageId, actor, (c, id) -> outbox.discard(c, id, actor), "reply:discarded", "discarded");
    }

    /** Changes one failed reply under its row lock and says so on its conversation's timeline, naming the actor. */
    private boolean settle(String messageId, String actor, Change change, String kind, String what) throws SQLException {
        boolean changed = database.inTransaction(c -> {
            Optional<OutboxStore.Row> row = outbox.locked(c, messageId);
            if (row.isEmpty() || !change.apply(c, messageId)) {
                return false;
            }
            timeline.event(c, row.get().customerId(), row.get().conversationId(), kind,
                    "reply " + messageId + " " + what + " by " + actor);
            return true;
        });
        if (changed) {
            LOG.info("Failed reply {} {} by {}", messageId, what, actor);
        }
        return changed;
    }

    @FunctionalInterface
    private interface Change {
        boolean apply(Connection c, String messageId) throws SQLException;
    }
}
