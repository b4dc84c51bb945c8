package org.seamline.twilio.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WhatsApp's 24-hour customer-service window (§D.2): free-form messages reach a user only within 24 h of that
 * user's last message to the business sender.
 */
final class WhatsAppWindow {

    static final Duration LENGTH = Duration.ofHours(24);

    /** user → business sender → time of the user's last inbound message. */
    private final Map<String, Map<String, Instant>> lastInbound = new ConcurrentHashMap<>();

    void inbound(String user, String business, Instant at) {
        lastInbound.computeIfAbsent(TwilioStandIn.withoutChannel(user), key -> new ConcurrentHashMap<>())
                .merge(TwilioStandIn.withoutChannel(business), at, (old, now) -> now.isAfter(old) ? now : old);
    }

    /** {@code business} is null for a send through a Messaging Service: any of its senders may hold the window. */
    boolean open(String user, String business, Instant now) {
        Map<String, Instant> byBusiness = lastInbound.getOrDefault(TwilioStandIn.withoutChannel(user), Map.of());
        return byBusiness.entrySet().stream()
                .filter(entry -> business == null || entry.getKey().equals(TwilioStandIn.withoutChannel(business)))
                .anyMatch(entry -> now.isBefore(entry.getValue().plus(LENGTH)));
    }
}
