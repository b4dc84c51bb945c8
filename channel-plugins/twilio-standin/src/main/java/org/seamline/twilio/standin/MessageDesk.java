package org.seamline.twilio.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** {@code Messages.json}: validates a create like Twilio, stores it, decides its outcome and starts its callbacks. */
final class MessageDesk {

    private static final int MAX_BODY_CHARACTERS = 1600;

    private final String accountSid;
    private final Supplier<Instant> now;
    private final WhatsAppWindow window;
    private final StatusCallbacks callbacks;
    private final List<CreatedMessage> accepted = new ArrayList<>();
    private final Map<String, MessageResource> bySid = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomeByRecipient = new ConcurrentHashMap<>();
    private final Map<String, MessageResource> byIdempotencyToken = new ConcurrentHashMap<>();

    MessageDesk(String accountSid, Supplier<Instant> now, WhatsAppWindow window, StatusCallbacks callbacks) {
        this.accountSid = accountSid;
        this.now = now;
        this.window = window;
        this.callbacks = callbacks;
    }

    /** Checks the request and throws the {@link ApiError} Twilio would answer; nothing is stored then. */
    static void validate(Map<String, List<String>> form) {
        String to = FormCodec.first(form, "To");
        String from = FormCodec.first(form, "From");
        String body = FormCodec.first(form, "Body");
        if (to == null || to.isBlank()) {
            throw ApiError.badRequest(21604, "A 'To' phone number is required.");
        }
        if ((from == null || from.isBlank()) && FormCodec.first(form, "MessagingServiceSid") == null) {
            throw ApiError.badRequest(21603, "A 'From' phone number is required.");
        }
        if ((body == null || body.isEmpty()) && FormCodec.all(form, "MediaUrl").isEmpty()
                && FormCodec.first(form, "ContentSid") == null) {
            throw ApiError.badRequest(21602, "Message body is required.");
        }
        if (body != null && body.codePointCount(0, body.length()) > MAX_BODY_CHARACTERS) {
            throw ApiError.badRequest(21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        MagicNumbers.checkMessage(from, to);
    }

    /**
     * Stores the message and answers its JSON as created, before the delivery can move its status. A create that
     * repeats an earlier one's {@code I-Twilio-Idempotency-Token} stores and sends nothing and answers the first
     * message (public clients rely on this; Twilio does not document it, see channel-protocols.md §C.3).
     */
    synchronized Map<String, Object> create(Map<String, List<String>> form, String authorization, String idempotencyToken) {
        MessageResource earlier = idempotencyToken == null ? null : byIdempotencyToken.get(idempotencyToken);
        if (earlier != null) {
            return earlier.json();
        }
        List<String> media = FormCodec.all(form, "MediaUrl");
        CreatedMessage message = new CreatedMessage(Sids.next(media.isEmpty() ? "SM" : "MM"),
                FormCodec.first(form, "To"), FormCodec.first(form, "From"), FormCodec.first(form, "MessagingServiceSid"),
                FormCodec.first(form, "Body"), media, FormCodec.first(form, "ContentSid"),
                FormCodec.first(form, "ContentVariables"), FormCodec.first(form, "StatusCallback"), form, authorization);
        boolean viaServiceOnly = message.from() == null;
        MessageResource resource = new MessageResource(message, accountSid, viaServiceOnly ? "accepted" : "queued", now.get());
        bySid.put(message.sid(), resource);
        if (idempotencyToken != null) {
            byIdempotencyToken.put(idempotencyToken, resource);
        }
        accepted.add(message);
        notifyAll();
        Map<String, Object> created = resource.json();
        callbacks.start(resource, outcome(message));
        return created;
    }

    private Outcome outcome(CreatedMessage message) {
        boolean freeForm = message.contentSid() == null;
        if (message.whatsApp() && freeForm && !window.open(message.to(), message.from(), now.get())) {
            return Outcome.OUTSIDE_WHATSAPP_WINDOW;
        }
        return outcomeByRecipient.getOrDefault(TwilioStandIn.withoutChannel(message.to()), Outcome.DELIVERED);
    }

    void finalStatusFor(String to, String status, Integer errorCode) {
        outcomeByRecipient.put(TwilioStandIn.withoutChannel(to), new Outcome(status, errorCode));
    }

    MessageResource find(String sid) {
        return bySid.get(sid);
    }

    synchronized List<CreatedMessage> accepted() {
        return List.copyOf(accepted);
    }

    synchronized CreatedMessage await(Predicate<CreatedMessage> which, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (CreatedMessage message : accepted) {
                if (which.test(message)) {
                    return message;
                }
            }
            long leftMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (leftMillis <= 0) {
                throw new AssertionError("No matching message was created within " + timeout + "; created: " + accepted.size());
            }
            try {
                wait(leftMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a message", e);
            }
        }
    }
}
