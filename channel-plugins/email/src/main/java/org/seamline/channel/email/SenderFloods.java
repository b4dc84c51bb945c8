package org.seamline.channel.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;

/**
 * A sender whose mail floods the mailbox (a runaway script, a loop between two other systems) is still stored,
 * but beyond a limit of mails in the last hour each one is marked automatic: recorded, never reopening a
 * conversation. Counted in memory per mailbox, for the 10 000 most recent senders.
 */
final class SenderFloods {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int SENDERS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > SENDERS;
        }
    };

    SenderFloods(Clock clock) {
        this.clock = clock;
    }

    /**
     * The message, marked automatic when its sender (the first identifier, the From address) has gone beyond
     * {@code perHour} mails in the last hour; {@code perHour} 0 counts nothing.
     */
    synchronized InboundMessage mark(InboundMessage message, int perHour) {
        if (perHour <= 0 || Boolean.parseBoolean(message.metadata().get(MessageMetadata.AUTOMATIC))) {
            return message;
        }
        Instant now = clock.instant();
        String sender = message.from().identifiers().get(0).value().toLowerCase(Locale.ROOT);
        Deque<Instant> times = recent.computeIfAbsent(sender, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
            times.pollFirst();
        }
        times.addLast(now);
        if (times.size() <= perHour) {
            return message;
        }
        Map<String, String> metadata = new HashMap<>(message.metadata());
        metadata.put(MessageMetadata.AUTOMATIC, "true");
        metadata.put("automaticReason", "flood: more than " + perHour + " mails from this sender within an hour");
        return new InboundMessage(message.channel(), message.instance(), message.providerMessageId(), message.from(),
                message.text(), message.attachments(), message.sentAt(), message.receivedAt(), metadata);
    }
}
