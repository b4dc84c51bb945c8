package org.seamline.store;

import java.time.Instant;
import org.seamline.api.message.InboundMessage;

/** An inbound message as stored in the inbox, with the id the platform gave it. */
public record Interaction(String id, long sequence, InboundMessage message, Instant storedAt) {
}
