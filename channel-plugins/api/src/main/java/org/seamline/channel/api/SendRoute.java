package org.seamline.channel.api;

import org.apache.camel.builder.RouteBuilder;
import org.seamline.api.message.OutboundMessage;

/**
 * {@code direct:send}: one callback POST per exchange, no redelivery: the platform's outbox owns retries, so a dead
 * callback URL holds up nothing but its own replies. A failure propagates to the caller.
 */
final class SendRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:send";

    private final String instance;
    private final CallbackPoster poster;

    SendRoute(String instance, CallbackPoster poster) {
        this.instance = instance;
        this.poster = poster;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(false)); // OutboundSender logs the failure, once, without a trace
        from(ENDPOINT).routeId("channel-api-" + instance + "-send")
                .process(exchange -> exchange.getMessage().setBody(
                        poster.post(exchange.getMessage().getMandatoryBody(OutboundMessage.class))));
    }
}
