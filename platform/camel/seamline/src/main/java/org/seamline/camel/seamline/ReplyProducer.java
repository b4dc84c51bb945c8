package org.seamline.camel.seamline;

import java.util.List;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.seamline.api.customer.CustomerContext;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationStatus;
import org.seamline.context.Conversations;
import org.seamline.context.QueuedReply;
import org.seamline.context.Replies;

/**
 * {@code seamline:reply}: queues the body as a reply (purpose service) through the outbox, like an agent's reply
 * from the API, to {@code SeamlineConversationId} or the customer's current conversation. The idempotency key is
 * {@code SeamlineMessageId}, so a retried exchange queues nothing twice.
 */
final class ReplyProducer extends DefaultProducer {

    /** A customer's current conversation is the most recent one in the first of these states that has one. */
    private static final List<ConversationStatus> CURRENT =
            List.of(ConversationStatus.OPEN, ConversationStatus.PENDING, ConversationStatus.SNOOZED);

    private final SeamlineEndpoint endpoint;

    ReplyProducer(SeamlineEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String text = Sender.text(in);
        String conversationId = Sender.optional(in, SeamlineConstants.CONVERSATION_ID);
        if (conversationId == null) {
            conversationId = current(exchange, Sender.customerId(exchange, endpoint.services().get(CustomerContext.class)));
        }
        String key = Sender.optional(in, SeamlineConstants.MESSAGE_ID);
        if (key == null) {
            key = Sender.derivedId(conversationId, text);
        }
        QueuedReply reply = endpoint.services().get(Replies.class)
                .reply(conversationId, text, List.of(), null, ConsentPurpose.SERVICE, key);
        in.setHeader(SeamlineConstants.REPLY_ID, reply.messageId());
        in.setHeader(SeamlineConstants.CONVERSATION_ID, reply.conversationId());
        in.setHeader(SeamlineConstants.DUPLICATE, reply.duplicate());
    }

    private String current(Exchange exchange, String customerId) throws Exception {
        Conversations conversations = endpoint.services().get(Conversations.class);
        for (ConversationStatus status : CURRENT) {
            List<Conversation> found = conversations.conversations(customerId, status, null, 0, 1).items();
            if (!found.isEmpty()) {
                return found.get(0).id();
            }
        }
        throw new CamelExchangeException("the customer has no open conversation; name one in "
                + SeamlineConstants.CONVERSATION_ID, exchange);
    }
}
