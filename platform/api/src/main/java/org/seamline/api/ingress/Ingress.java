package org.seamline.api.ingress;

import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.message.InboundMessage;

/**
 * Where every inbound message enters the platform. {@link #accept} returns only after the message is committed
 * to the durable inbox, so a plugin acknowledges its provider after this call and never before.
 */
@ProviderType
public interface Ingress {

    /**
     * Stores the message once. The key is channel + instance + provider message id: a repeat stores nothing and
     * returns the first acceptance's interaction id with {@code duplicate = true}.
     *
     * @throws IllegalArgumentException when the message can never be processed (a field too long to store, a sender
     *                                  with no usable identifier): nothing was stored, the message says what is wrong
     *                                  without repeating personal data, and the plugin refuses the message for good
     *                                  (HTTP 400, a mail set aside) instead of retrying it
     */
    Acceptance accept(InboundMessage message) throws IngressUnavailableException;
}
