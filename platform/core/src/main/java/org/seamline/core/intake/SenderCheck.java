package org.seamline.core.intake;

import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.message.Party;

/**
 * Whether the platform can recognise a message's sender, decided before the message is stored: a message it could
 * never attribute to a customer is refused at the door (the channel's 400) instead of accepted and then failing or
 * becoming an anonymous customer. The customer context provides it, because which identifiers are usable depends on
 * its configuration (the default phone region).
 */
@ProviderType
public interface SenderCheck {

    /**
     * @throws IllegalArgumentException naming the problem (the field, never its value) when a part of the sender is
     *                                  too long to store or none of its identifiers is usable
     */
    void check(Party sender);
}
