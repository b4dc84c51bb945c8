package org.seamline.channel.api;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.seamline.api.message.OutboundMessage;

/**
 * {@code direct:send}: one callback POST per exchange; transient failures are redelivered with exponential
 * backoff, and the last failure propagates to the caller, which records the give-up.
 */
final class SendRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:send";
    private static final long MAX_DELAY_MS = 60_000;

    private final String instance;
    private final CallbackPoster poster;
    private final int attempts;
    private final long firstDelayMillis;

    SendRoute(String instance, CallbackPoster poster, int attempts, long firstDelayMillis) {
        this.instance = instance;
        this.poster = poster;
        this.attempts = attempts;
        this.firstDelayMillis = firstDelayMillis;
    }

    @Override
    public void configure() {
        onException(CallbackException.class)
                .maximumRedeliveries(attempts - 1)
                .redeliveryDelay(firstDelayMillis)
                .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(MAX_DELAY_MS)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(false);

        from(ENDPOINT).routeId("channel-api-" + instance + "-send")
                .process(exchange -> exchange.getMessage().setBody(
                        poster.post(exchange.getMessage().getMandatoryBody(OutboundMessage.class))));
    }
}
