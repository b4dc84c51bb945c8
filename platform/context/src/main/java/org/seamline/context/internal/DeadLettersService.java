package org.seamline.context.internal;

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
        boolean requeued = database.inTransaction(c -> {
            Optional<OutboxStore.Row> row = outbox.locked(c, messageId);
            if (row.isEmpty() || !outbox.requeue(c, messageId)) {
                return false;
            }
            timeline.event(c, row.get().customerId(), row.get().conversationId(), "reply:retried",
                    "reply " + messageId + " queued again by " + actor);
            return true;
        });
        if (requeued) {
            LOG.info("Failed reply {} queued again by {}", messageId, actor);
        }
        return requeued;
    }
}
