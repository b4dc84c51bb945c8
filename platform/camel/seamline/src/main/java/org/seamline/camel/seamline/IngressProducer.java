package org.seamline.camel.seamline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;

/**
 * {@code seamline:ingress}: the body is stored as a customer's message, durably before the exchange continues, once
 * per {@code SeamlineMessageId}. Bad input fails the exchange and stores nothing.
 */
final class IngressProducer extends DefaultProducer {

    private final SeamlineEndpoint endpoint;

    IngressProducer(SeamlineEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Identifier from = Sender.from(in);
        String text = Sender.text(in);
        String id = Sender.optional(in, SeamlineConstants.MESSAGE_ID);
        if (id == null) {
            id = Sender.derivedId(endpoint.getChannel(), endpoint.getInstance(), from.toString(), text);
        }
        Party sender = new Party(Sender.optional(in, SeamlineConstants.FROM_NAME), List.of(from));
        InboundMessage message = new InboundMessage(endpoint.getChannel(), endpoint.getInstance(), id, sender, text,
                List.of(), null, Instant.now(), Map.of());
        Acceptance acceptance = endpoint.services().get(Ingress.class).accept(message);
        in.setHeader(SeamlineConstants.INTERACTION_ID, acceptance.interactionId());
        in.setHeader(SeamlineConstants.DUPLICATE, acceptance.duplicate());
    }
}
