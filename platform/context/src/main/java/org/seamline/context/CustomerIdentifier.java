package org.seamline.context;

import java.time.Instant;

/**
 * A normalised identifier linked to a customer, with the evidence of the link.
 *
 * @param type       {@code email}, {@code phone}, {@code whatsapp}, {@code userId}, …
 * @param value      normalised: emails lower-case, phones E.164
 * @param source     the channel and instance that saw it, e.g. {@code api/shop}
 * @param evidence   the interaction (inbox message) that linked it
 * @param confidence 0–100: how much the source vouches for the sender (verified channels rank higher than email)
 * @param linkedAt   when it was linked
 */
public record CustomerIdentifier(String type, String value, String source, String evidence, int confidence, Instant linkedAt) {
}
