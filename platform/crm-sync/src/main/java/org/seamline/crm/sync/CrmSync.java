package org.seamline.crm.sync;

import java.sql.SQLException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.store.Page;

/**
 * The synchronisation with the enabled CRMs, as admins see it: each connector's state and the work that failed for
 * good (a CRM refused the data, or kept failing), which can be queued again once the cause is fixed, or discarded.
 */
@ProviderType
public interface CrmSync {

    List<ConnectorState> connectors() throws SQLException;

    /** Tasks that failed for good, oldest first. */
    Page<CrmTask> failed(int offset, int limit) throws SQLException;

    /** Queues a failed task again with fresh attempts; false when it is not failed (retried or discarded meanwhile). */
    boolean retry(String taskId, String actor) throws SQLException;

    /** Gives up on a failed task for good; false when it is not failed. */
    boolean discard(String taskId, String actor) throws SQLException;
}
