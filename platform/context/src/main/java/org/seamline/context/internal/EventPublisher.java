package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.seamline.store.Database;

/**
 * Records each change of the customer context twice: in the change feed, in the transaction that makes the change
 * (the record plugins read), and as an {@link org.seamline.context.ContextEvents} event on EventAdmin, asynchronously,
 * once the transaction committed (a notification). Without EventAdmin the platform works on and the events are
 * dropped; the feed and the store are the record.
 */
@Component(service = EventPublisher.class)
public class EventPublisher {

    /** Changes collected during a transaction, in order: appended to the feed at its end, posted if it commits. */
    static final class Pending {
        private final List<Event> events = new ArrayList<>();

        void add(String topic, Object... keysAndValues) {
            Map<String, Object> properties = new HashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (keysAndValues[i + 1] != null) {
                    properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
                }
            }
            events.add(new Event(topic, properties));
        }

        List<Event> events() {
            return events;
        }
    }

    /** Work in one transaction that reports its changes to {@code changes}. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run(Connection connection, Pending changes) throws SQLException, E;
    }

    private final FeedStore feed = new FeedStore();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    public EventPublisher() {
    }

    /** For tests: delivers to the given EventAdmin. */
    EventPublisher(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /** What a committed transaction answered, and the changes it made, to {@link #post} now. */
    record Committed<T>(T result, Pending changes) {
    }

    /**
     * Runs {@code work} in one transaction; the changes it reports are appended to the feed as the transaction's
     * last statement (the feed's lock is then held only for the commit, see {@link FeedStore}) and posted once it
     * committed. A transaction that rolls back leaves neither.
     */
    <T, E extends Exception> T inTransaction(Database database, Work<T, E> work) throws SQLException, E {
        Committed<T> committed = commit(database, work);
        post(committed.changes());
        return committed.result();
    }

    /**
     * {@link #inTransaction} without posting: for a caller whose handling of a failed transaction must not take a
     * failure after the commit for one, and posts itself.
     */
    <T, E extends Exception> Committed<T> commit(Database database, Work<T, E> work) throws SQLException, E {
        Pending changes = new Pending();
        T result = database.inTransaction(c -> {
            T done = work.run(c, changes);
            feed.append(c, changes.events());
            return done;
        });
        return new Committed<>(result, changes);
    }

    void post(Pending committed) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            committed.events.forEach(admin::postEvent);
        }
    }
}
