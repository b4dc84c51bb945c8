package org.seamline.context;

import java.sql.SQLException;
import java.time.ZoneId;
import org.osgi.annotation.versioning.ProviderType;

/** How the service is doing right now: what the console's live figures show. Read from the store, so every node agrees. */
@ProviderType
public interface ServiceFigures {

    /** The last hour per minute, and today so far; "today" starts at midnight in {@code zone}. */
    ServiceSnapshot snapshot(ZoneId zone) throws SQLException;
}
