package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.context.ContextEvents;
import org.seamline.context.CustomerMerges;
import org.seamline.context.MergeException;
import org.seamline.context.MergeRecord;
import org.seamline.store.Database;

/** {@link CustomerMerges} on the platform database; each merge or unmerge is one transaction. */
@Component(service = CustomerMerges.class)
public class CustomerMergesService implements CustomerMerges {

    private final Database database;
    private final EventPublisher events;
    private final MergeStore merges = new MergeStore(new CustomerStore());

    @Activate
    public CustomerMergesService(@Reference Database database, @Reference EventPublisher events) {
        this.database = database;
        this.events = events;
    }

    @Override
    public MergeRecord merge(String survivorId, String mergedId, String actor, String reason) throws SQLException, MergeException {
        return events.inTransaction(database, (c, changes) ->
                announce(changes, ContextEvents.CUSTOMER_MERGED, merges.merge(c, survivorId, mergedId, actor, reason, null), actor));
    }

    @Override
    public MergeRecord unmerge(String mergeId, String actor) throws SQLException, MergeException {
        return events.inTransaction(database, (c, changes) ->
                announce(changes, ContextEvents.CUSTOMER_UNMERGED, merges.unmerge(c, mergeId, actor), actor));
    }

    @Override
    public List<MergeRecord> merges(String customerId) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return merges.merges(c, customerId);
        }
    }

    private static MergeRecord announce(EventPublisher.Pending changes, String topic, MergeRecord merge, String actor) {
        changes.add(topic, ContextEvents.CUSTOMER_ID, merge.survivorId(), ContextEvents.OTHER_CUSTOMER_ID, merge.mergedId(),
                ContextEvents.MERGE_ID, merge.id(), ContextEvents.ACTOR, actor);
        return merge;
    }
}
