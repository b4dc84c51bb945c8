package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.Conversation;
import org.seamline.context.Customer;
import org.seamline.context.QueuedReply;
import org.seamline.context.Replies;
import org.seamline.context.ReplyException;
import org.seamline.store.Database;

/** {@link Replies}: channel selection, then the outbox row and the timeline entry in one transaction. */
@Component(service = Replies.class)
public class ReplyService implements Replies {

    private final Database database;
    private final ChannelAdapters adapters;
    private final CustomerStore customers = new CustomerStore();
    private final ConversationStore conversations = new ConversationStore();
    private final OutboxStore outbox = new OutboxStore();
    private final TimelineStore timeline = new TimelineStore();

    @Activate
    public ReplyService(@Reference Database database, @Reference ChannelAdapters adapters) {
        this.database = database;
        this.adapters = adapters;
    }

    @Override
    public QueuedReply reply(String conversationId, String text, String channel, String idempotencyKey)
            throws SQLException, ReplyException {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey.strip();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<OutboxStore.Row> earlier = outbox.byIdempotencyKey(c, key);
                if (earlier.isPresent()) {
                    c.rollback();
                    OutboundMessage m = earlier.get().message();
                    return new QueuedReply(m.id(), m.conversationId(), m.channel(), m.instance(), earlier.get().status(), true);
                }
                Conversation conversation = conversations.conversation(c, conversationId).orElseThrow(
                        () -> new ReplyException(ReplyException.Kind.NOT_FOUND, "no conversation with id " + conversationId));
                Customer customer = customers.customer(c, conversation.customerId()).orElseThrow();
                ChannelAdapter adapter = route(conversation, channel);
                OutboundMessage message = new OutboundMessage(UUID.randomUUID().toString(), key, adapter.channel(),
                        adapter.instance(), recipient(customer), text, List.of(), conversation.id(), Map.of());
                outbox.insert(c, customer.id(), message);
                timeline.outbound(c, customer.id(), message);
                c.commit();
                return new QueuedReply(message.id(), conversation.id(), message.channel(), message.instance(),
                        DeliveryStatus.QUEUED, false);
            } catch (SQLException | ReplyException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The channel the customer wrote on last, unless the caller asks for another; it must be deployed now. */
    private ChannelAdapter route(Conversation conversation, String channel) throws ReplyException {
        Optional<ChannelAdapter> adapter = channel == null || channel.equals(conversation.channel())
                ? adapters.adapter(conversation.channel(), conversation.instance())
                : adapters.anyOf(channel);
        return adapter.orElseThrow(() -> new ReplyException(ReplyException.Kind.UNREACHABLE,
                "no deployed " + (channel == null ? conversation.channel() + " instance " + conversation.instance() : channel)
                        + " channel can reach this customer"));
    }

    private static Party recipient(Customer customer) throws ReplyException {
        if (customer.identifiers().isEmpty()) {
            throw new ReplyException(ReplyException.Kind.UNREACHABLE, "the customer has no identifier to reach them by");
        }
        return new Party(customer.displayName(),
                customer.identifiers().stream().map(i -> new Identifier(i.type(), i.value())).toList());
    }
}
