package org.seamline.context;

import java.time.Instant;

/**
 * A normalised identifier linked to a customer, with the evidence of the link.
 *
 * @param type                {@code email}, {@code phone}, {@code whatsapp}, {@code userId}, …
 * @param value               normalised: emails lower-case, phones E.164
 * @param source              the channel and instance that saw it, e.g. {@code api/shop}
 * @param evidence            the interaction (inbox message) that linked it
 * @param confidence          0–100: how much the source vouches for the sender (verified channels rank higher than email)
 * @param linkedAt            when it was linked
 * @param undeliverableSince  set when a provider reported the address cannot receive (a hard bounce); replies skip
 *                            it until the customer writes from it again. Null when deliverable
 * @param undeliverableReason what the provider said, or null
 */
public record CustomerIdentifier(String type, String value, String source, String evidence, int confidence, Instant linkedAt,
                                 Instant undeliverableSince, String undeliverableReason) {

    public boolean deliverable() {
        return undeliverableSince == null;
    }
}
