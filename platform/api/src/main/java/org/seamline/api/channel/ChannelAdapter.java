package org.seamline.api.channel;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;
import org.seamline.api.health.Health;
import org.seamline.api.message.OutboundMessage;

/**
 * A configured channel instance, registered as an OSGi service by its plugin with the service properties
 * {@link #CHANNEL} and {@link #INSTANCE}. The platform sends through it and reports its health.
 */
@ConsumerType
public interface ChannelAdapter {

    /** Service property: the channel kind, e.g. {@code api}. */
    String CHANNEL = "seamline.channel";
    /** Service property: the instance name from the factory configuration. */
    String INSTANCE = "seamline.instance";

    String channel();

    String instance();

    /** What the instance can send; empty when it only receives (the platform then queues no reply to it). */
    Set<Capability> capabilities();

    /**
     * Makes one attempt to deliver a message, within a bounded time (a connect and read timeout of its own; seconds,
     * not minutes). It does not retry: the outbox owns retries and backoff. On failure it throws a
     * {@link SendException} that says whether a later attempt can help and, if the provider said, how long to wait.
     * The platform calls it for one instance from one thread at a time, and for different instances concurrently.
     */
    SendResult send(OutboundMessage message) throws SendException;

    Health health();
}
