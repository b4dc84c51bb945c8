package org.seamline.api.ingress;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.message.Attachment;

/**
 * What happens to an interaction after it was accepted: the steps of a phone call (a menu choice, a queue result, a
 * recording, a transcript, the final outcome), appended to the interaction an {@link Ingress#accept} stored. Agents
 * see the events on the interaction and on its timeline entry; they are erased with the customer.
 */
@ProviderType
public interface InteractionEvents {

    /** The longest {@code eventKey}. */
    int MAX_KEY_LENGTH = 255;
    /** The longest {@code kind}. */
    int MAX_KIND_LENGTH = 64;

    /**
     * Appends one event, durably before returning, once per {@code eventKey}: a repeat (a webhook delivered again,
     * also several deliveries at once) records nothing more and answers {@code true} as the first did.
     *
     * @param providerMessageId the provider id the interaction was accepted under (a call's CallSid)
     * @param eventKey          what makes the event itself, unique within the interaction, e.g. {@code menu/2} or a
     *                          RecordingSid
     * @param kind              what it is, e.g. {@code ivr}, {@code queue}, {@code recording}, {@code outcome}
     * @param details           what an agent reads, e.g. {@code digits=1}; may be empty
     * @param attachments       files stored with the {@link AttachmentStore} before (a recording); may be empty
     * @return false when this channel instance accepted no interaction under {@code providerMessageId} (not yet, or
     *         erased since): nothing was recorded
     * @throws IllegalArgumentException    when a value is missing or too long to store; nothing was recorded
     * @throws IngressUnavailableException when the store is down; the provider should deliver it again
     */
    boolean record(String channel, String instance, String providerMessageId, String eventKey, String kind,
                   Map<String, String> details, List<Attachment> attachments) throws IngressUnavailableException;
}
