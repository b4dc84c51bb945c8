package org.seamline.camel.seamline;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.seamline.api.customer.CustomerContext;
import org.seamline.api.customer.CustomerView;
import org.seamline.api.customer.Purpose;
import org.seamline.api.feed.Change;
import org.seamline.api.feed.ChangeFeed;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationQuery;
import org.seamline.context.ConversationStatus;
import org.seamline.context.Conversations;
import org.seamline.context.InteractionEvent;
import org.seamline.context.QueuedReply;
import org.seamline.context.Replies;
import org.seamline.context.ReplyException;
import org.seamline.context.ReplyTemplate;
import org.seamline.context.TimelineEntry;
import org.seamline.store.Page;

/**
 * The platform services the component uses, kept in memory with the contracts' idempotency rules: what the tests
 * read back is what a route would have stored.
 */
final class InMemoryPlatform implements Ingress, CustomerContext, ChangeFeed, Replies, Conversations {

    final Map<String, InboundMessage> inbox = new ConcurrentHashMap<>();
    final Map<String, Map<String, CustomerView.Attribute>> attributes = new ConcurrentHashMap<>();
    final Map<String, String> owners = new ConcurrentHashMap<>();
    final Map<String, QueuedReply> replies = new ConcurrentHashMap<>();
    final Map<String, String> replyTexts = new ConcurrentHashMap<>();
    final List<Conversation> conversations = new CopyOnWriteArrayList<>();
    final List<Change> changes = new CopyOnWriteArrayList<>();
    final Map<String, Long> positions = new ConcurrentHashMap<>();
    /** How many more calls to {@link #accept} find the store down. */
    final AtomicInteger storeDownFor = new AtomicInteger();

    void customer(String id, Identifier identifier) {
        owners.put(identifier.toString(), id);
        attributes.put(id, new ConcurrentHashMap<>());
    }

    void conversation(String id, String customerId, ConversationStatus status) {
        conversations.add(new Conversation(id, customerId, status, "api", "shop", null, null, Map.of(), List.of(),
                Instant.now(), Instant.now(), null));
    }

    void change(String type, String customerId) {
        changes.add(new Change(changes.size() + 1, type, Instant.now(), customerId, null, null, null, null, null, null,
                "system"));
    }

    @Override
    public Acceptance accept(InboundMessage message) throws IngressUnavailableException {
        if (storeDownFor.getAndDecrement() > 0) {
            throw new IngressUnavailableException("the store is down", null);
        }
        String key = message.channel() + "/" + message.instance() + "/" + message.providerMessageId();
        InboundMessage first = inbox.putIfAbsent(key, message);
        return new Acceptance("i-" + key, first != null);
    }

    @Override
    public Optional<CustomerView> find(Identifier identifier) {
        return Optional.ofNullable(owners.get(identifier.toString())).flatMap(this::customer);
    }

    @Override
    public Optional<CustomerView> customer(String customerId) {
        return Optional.ofNullable(attributes.get(customerId)).map(a -> new CustomerView(customerId, null, List.of(), a));
    }

    @Override
    public boolean updateAttributes(String customerId, String source, Map<String, String> values) {
        Map<String, CustomerView.Attribute> profile = attributes.get(customerId);
        if (profile == null) {
            return false;
        }
        values.forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                profile.remove(name);
            } else {
                profile.put(name, new CustomerView.Attribute(value, source, Instant.now()));
            }
        });
        return true;
    }

    @Override
    public LinkOutcome link(String customerId, Identifier identifier, String source) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean consent(String customerId, String channel, Purpose purpose, boolean granted, String evidence) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Change> after(long position, int limit) {
        return changes.stream().filter(c -> c.position() > position).limit(limit).toList();
    }

    @Override
    public long head() {
        return changes.size();
    }

    @Override
    public long position(String reader) {
        return positions.getOrDefault(reader, 0L);
    }

    @Override
    public void commit(String reader, long position) {
        positions.merge(reader, position, Math::max);
    }

    @Override
    public QueuedReply reply(String conversationId, String text, List<String> attachmentIds, String channel,
                             org.seamline.context.ConsentPurpose purpose, ReplyTemplate template, String idempotencyKey)
            throws ReplyException {
        if (conversations.stream().noneMatch(c -> c.id().equals(conversationId))) {
            throw new ReplyException(ReplyException.Kind.NOT_FOUND, "no such conversation");
        }
        QueuedReply first = replies.get(conversationId + "/" + idempotencyKey);
        if (first != null) {
            return new QueuedReply(first.messageId(), conversationId, "api", "shop", first.status(), true);
        }
        QueuedReply reply = new QueuedReply("r-" + replies.size(), conversationId, "api", "shop", DeliveryStatus.QUEUED, false);
        replies.put(conversationId + "/" + idempotencyKey, reply);
        replyTexts.put(reply.messageId(), text);
        return reply;
    }

    @Override
    public Page<Conversation> conversations(ConversationQuery query, int offset, int limit) {
        List<Conversation> found = new ArrayList<>(conversations.stream()
                .filter(c -> c.customerId().equals(query.customerId()) && c.status() == query.status()).toList());
        return new Page<>(found.stream().skip(offset).limit(limit).toList(), found.size(), offset, limit);
    }

    @Override
    public Optional<Conversation> conversation(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Conversation> change(String id, ConversationChange change, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean note(String conversationId, String text, String author) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<TimelineEntry> messages(String conversationId, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TimelineEntry> entry(String interactionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<TimelineEntry> timeline(String customerId, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, List<InteractionEvent>> events(List<String> interactionIds) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public String channelKind(String channel) {
        throw new UnsupportedOperationException();
    }
}
