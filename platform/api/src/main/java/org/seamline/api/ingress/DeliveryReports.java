package org.seamline.api.ingress;

import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.message.DeliveryUpdate;

/**
 * Where a channel reports what its provider said later about an outbound message (a delivery receipt, a read
 * receipt, a bounce). Statuses are merged by rank, so a late or repeated report never moves a message backwards.
 */
@ProviderType
public interface DeliveryReports {

    /**
     * Records the report durably before returning, so the plugin may acknowledge its provider afterwards.
     *
     * @return false when no outbound message has {@link DeliveryUpdate#messageId()}: nothing was recorded
     */
    boolean report(DeliveryUpdate update) throws IngressUnavailableException;
}
