package org.seamline.context.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.feed.Change;
import org.seamline.api.feed.ChangeFeed;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.store.Database;
import org.seamline.store.StoreFailures;

/** {@link ChangeFeed} on the platform database; the changes are written by {@link EventPublisher}. */
@Component(service = ChangeFeed.class)
public class ChangeFeedService implements ChangeFeed {

    static final int MAX_LIMIT = 1000;
    private static final Pattern READER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    private final Database database;
    private final FeedStore feed = new FeedStore();

    @Activate
    public ChangeFeedService(@Reference Database database) {
        this.database = database;
    }

    @Override
    public List<Change> after(long position, int limit) throws IngressUnavailableException {
        if (position < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("position must be 0 or more and limit 1-" + MAX_LIMIT);
        }
        try {
            return database.read(c -> feed.after(c, position, limit));
        } catch (SQLException e) {
            throw new IngressUnavailableException("the change feed could not be read", e);
        }
    }

    @Override
    public long head() throws IngressUnavailableException {
        try {
            return database.read(feed::head);
        } catch (SQLException e) {
            throw new IngressUnavailableException("the change feed could not be read", e);
        }
    }

    @Override
    public long position(String reader) throws IngressUnavailableException {
        checkReader(reader);
        try {
            return database.read(c -> feed.position(c, reader));
        } catch (SQLException e) {
            throw new IngressUnavailableException("the reader's position could not be read", e);
        }
    }

    @Override
    public void commit(String reader, long position) throws IngressUnavailableException {
        checkReader(reader);
        if (position < 0) {
            throw new IllegalArgumentException("a position is 0 or more");
        }
        try {
            if (!database.inTransaction(c -> feed.advance(c, reader, position))) {
                try {
                    database.inTransaction(c -> {
                        feed.insertReader(c, reader, position);
                        return null;
                    });
                } catch (SQLException e) {
                    if (!StoreFailures.isUniqueViolation(e)) {
                        throw e;
                    }
                    // Another commit of this reader inserted its row first: move it forward instead.
                    database.inTransaction(c -> feed.advance(c, reader, position));
                }
            }
        } catch (SQLException e) {
            throw new IngressUnavailableException("the reader's position was not stored", e);
        }
    }

    private static void checkReader(String reader) {
        if (reader == null || !READER.matcher(reader).matches()) {
            throw new IllegalArgumentException("a reader name is 1-100 letters, digits, '.', '_', ':', '/' or '-'");
        }
    }
}
