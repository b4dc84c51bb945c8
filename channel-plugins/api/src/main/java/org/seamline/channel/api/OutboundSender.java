package org.seamline.channel.api;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.health.Health;
import org.seamline.api.message.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through {@link SendRoute} and turns its outcome into the channel contract: one attempt, its failure a
 * {@link SendException} that says whether the outbox may try again. A transient failure is logged and shown in
 * health until a later send succeeds. Never silent.
 */
final class OutboundSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundSender.class);

    private final String instance;
    private volatile String lastFailure;

    OutboundSender(String instance) {
        this.instance = instance;
    }

    SendResult send(ProducerTemplate producer, OutboundMessage message) throws SendException {
        try {
            SendResult result = producer.requestBody(SendRoute.ENDPOINT, message, SendResult.class);
            lastFailure = null;
            return result;
        } catch (CamelExecutionException e) {
            SendException failed = e.getCause() instanceof SendException cause ? cause
                    : new SendException("callback failed: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), true, e);
            if (failed.isRetryable()) {
                lastFailure = failed.getMessage();
                LOG.warn("API channel {}: message {} not delivered this time: {}", instance, message.id(), failed.getMessage());
            } else {
                LOG.warn("API channel {}: message {} refused: {}", instance, message.id(), failed.getMessage());
            }
            throw failed;
        }
    }

    /** UP, or DEGRADED naming the last transient failure until a later send succeeds. */
    Health health() {
        String failure = lastFailure;
        return failure == null ? Health.up() : new Health(Health.State.DEGRADED, "last reply attempt failed: " + failure);
    }
}
