package org.seamline.channel.api;

import java.util.function.IntSupplier;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.health.Health;
import org.seamline.api.message.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through {@link SendRoute} and turns its outcome into the channel contract: a refusal stays a
 * non-retryable {@link SendException}; exhausted retries become a recorded give-up (logged, shown in health,
 * thrown as retryable so the platform's outbox can try again later). Never silent.
 */
final class OutboundSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundSender.class);

    private final String instance;
    private final IntSupplier attempts;
    private volatile String lastGiveUp;

    OutboundSender(String instance, IntSupplier attempts) {
        this.instance = instance;
        this.attempts = attempts;
    }

    SendResult send(ProducerTemplate producer, OutboundMessage message) throws SendException {
        try {
            SendResult result = producer.requestBody(SendRoute.ENDPOINT, message, SendResult.class);
            lastGiveUp = null;
            return result;
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SendException refused) {
                LOG.warn("API channel {}: message {} refused: {}", instance, message.id(), refused.getMessage());
                throw refused;
            }
            String why = "gave up after " + attempts.getAsInt() + " attempts: "
                    + (cause == null ? e.getMessage() : cause.getMessage());
            lastGiveUp = why;
            LOG.error("API channel {}: message {} not delivered, {}", instance, message.id(), why);
            throw new SendException(why, true, cause);
        }
    }

    /** UP, or DEGRADED naming the last give-up until a later send succeeds. */
    Health health() {
        String giveUp = lastGiveUp;
        return giveUp == null ? Health.up() : new Health(Health.State.DEGRADED, "last reply " + giveUp);
    }
}
