package org.seamline.camel.seamline;

import java.time.ZoneOffset;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.seamline.api.feed.Change;
import org.seamline.api.feed.ChangeFeed;

/**
 * {@code seamline:changes}: one exchange per change, in feed order, from the reader's committed position. The
 * position moves past a change only after its exchange succeeded (changes of other types are passed over), so a
 * failed exchange, a stop or a crash delivers it again: at least once. The first failure ends the poll; the next
 * poll starts with the change that failed.
 */
final class ChangesConsumer extends ScheduledPollConsumer {

    private final SeamlineEndpoint endpoint;
    private final Set<String> types;

    ChangesConsumer(SeamlineEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.types = endpoint.typeSet();
    }

    @Override
    protected int poll() throws Exception {
        ChangeFeed feed = endpoint.services().get(ChangeFeed.class);
        String reader = endpoint.getReader();
        long start = feed.position(reader);
        long done = start;
        int delivered = 0;
        try {
            for (Change change : feed.after(start, endpoint.getBatch())) {
                if (!isRunAllowed()) {
                    break;
                }
                if (types.isEmpty() || types.contains(change.type())) {
                    if (!deliver(change)) {
                        break;
                    }
                    delivered++;
                }
                done = change.position();
            }
        } finally {
            if (done > start) {
                feed.commit(reader, done);
            }
        }
        return delivered;
    }

    private boolean deliver(Change change) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(change);
        headers(message, change);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            getExceptionHandler().handleException("seamline:changes reader " + endpoint.getReader() + " stopped at change "
                    + change.position() + ", which is delivered again at the next poll", exchange, failure);
        }
        releaseExchange(exchange, false);
        return failure == null;
    }

    private static void headers(Message message, Change change) {
        message.setHeader(SeamlineConstants.CHANGE_POSITION, change.position());
        message.setHeader(SeamlineConstants.CHANGE_TYPE, change.type());
        // An OffsetDateTime, which JDBC drivers bind as a timestamp with time zone (an Instant they refuse).
        message.setHeader(SeamlineConstants.CHANGE_AT, change.at() == null ? null : change.at().atOffset(ZoneOffset.UTC));
        message.setHeader(SeamlineConstants.CUSTOMER_ID, change.customerId());
        message.setHeader(SeamlineConstants.CONVERSATION_ID, change.conversationId());
        message.setHeader(SeamlineConstants.CHANGE_MESSAGE_ID, change.messageId());
        message.setHeader(SeamlineConstants.OTHER_CUSTOMER_ID, change.otherCustomerId());
        message.setHeader(SeamlineConstants.CHANNEL, change.channel());
        message.setHeader(SeamlineConstants.INSTANCE, change.instance());
        message.setHeader(SeamlineConstants.STATUS, change.status());
        message.setHeader(SeamlineConstants.ACTOR, change.actor());
    }
}
