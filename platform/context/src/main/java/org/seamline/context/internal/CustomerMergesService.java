package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.context.CustomerMerges;
import org.seamline.context.MergeException;
import org.seamline.context.MergeRecord;
import org.seamline.store.Database;

/** {@link CustomerMerges} on the platform database; each merge or unmerge is one transaction. */
@Component(service = CustomerMerges.class)
public class CustomerMergesService implements CustomerMerges {

    private final Database database;
    private final MergeStore merges = new MergeStore(new CustomerStore());

    @Activate
    public CustomerMergesService(@Reference Database database) {
        this.database = database;
    }

    @Override
    public MergeRecord merge(String survivorId, String mergedId, String actor, String reason) throws SQLException, MergeException {
        return inTransaction(c -> merges.merge(c, survivorId, mergedId, actor, reason, null));
    }

    @Override
    public MergeRecord unmerge(String mergeId, String actor) throws SQLException, MergeException {
        return inTransaction(c -> merges.unmerge(c, mergeId, actor));
    }

    @Override
    public List<MergeRecord> merges(String customerId) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return merges.merges(c, customerId);
        }
    }

    private interface Work {
        MergeRecord run(Connection c) throws SQLException, MergeException;
    }

    private MergeRecord inTransaction(Work work) throws SQLException, MergeException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                MergeRecord result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | MergeException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
