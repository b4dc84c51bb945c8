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
     */
    Acceptance accept(InboundMessage message) throws IngressUnavailableException;
}
