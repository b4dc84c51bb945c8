package org.seamline.channel.twilio;

import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.health.Health;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message through an instance's {@link TwilioGateway} and speaks the channel contract: one attempt; a
 * failure becomes a {@link SendException} that says whether the outbox may retry and how long Twilio asked to wait.
 * A transient failure shows in health until a later send succeeds.
 */
public final class MessagingSender {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingSender.class);

    private final String channel;
    private final String instance;
    private volatile String lastFailure;

    public MessagingSender(String channel, String instance) {
        this.channel = channel;
        this.instance = instance;
    }

    /**
     * @param refused called with a final refusal before it is thrown, so the channel can learn from its code
     *                (21610: the recipient opted out)
     */
    public SendResult send(TwilioGateway gateway, OutboundMessage message, MessageRequest request,
                           RefusalListener refused) throws SendException {
        try {
            TwilioGateway.SentMessage sent = gateway.send(request);
            lastFailure = null;
            return new SendResult(sent.sid(), MessageStatusCallbacks.created(sent.status()));
        } catch (TwilioFailure failure) {
            if (failure.retryable()) {
                lastFailure = failure.getMessage();
                LOG.warn("{} {}: message {} not sent this time: {}", channel, instance, message.id(), failure.getMessage());
            } else {
                LOG.warn("{} {}: message {} refused: {}", channel, instance, message.id(), failure.getMessage());
                learn(refused, message, failure);
            }
            throw failure.toSendException();
        }
    }

    /** The reply has failed either way: what its error says about the recipient is recorded if the store can. */
    private void learn(RefusalListener refused, OutboundMessage message, TwilioFailure failure) {
        try {
            refused.refused(message, failure);
        } catch (IngressUnavailableException e) {
            LOG.warn("{} {}: what error {} says about the recipient was not recorded: {}", channel, instance,
                    failure.code(), e.getMessage());
        }
    }

    /** UP, or DEGRADED naming the last transient failure until a later send succeeds. */
    public Health health() {
        String failure = lastFailure;
        return failure == null ? Health.up() : new Health(Health.State.DEGRADED, "last send failed: " + failure);
    }

    /** Learns from a final refusal. */
    @FunctionalInterface
    public interface RefusalListener {
        void refused(OutboundMessage message, TwilioFailure failure) throws IngressUnavailableException;
    }
}
