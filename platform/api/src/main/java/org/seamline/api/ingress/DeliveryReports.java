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

    /**
     * The provider's word on an outbound message means an agent must act on its conversation (WhatsApp error 63016:
     * a reply sent after the customer-service window closed reached nobody and needs a template). The conversation
     * is set open and its timeline gets a {@code conversation:flagged} entry with the reason, stored before this
     * returns. Flagging a message again for the same reason changes nothing, so repeated callbacks are harmless.
     *
     * @param reason shown to agents on the timeline, at most 1000 characters
     * @return false when no outbound message has {@code messageId}: nothing was recorded
     */
    boolean flag(String messageId, String reason) throws IngressUnavailableException;
}
