package org.seamline.context.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.SQLException;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.channel.Capability;
import org.seamline.api.channel.ChannelAdapter;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ContextEvents;
import org.seamline.context.Conversation;
import org.seamline.context.Customer;
import org.seamline.context.CustomerIdentifier;
import org.seamline.context.QueuedReply;
import org.seamline.context.Replies;
import org.seamline.context.ReplyException;
import org.seamline.context.ReplyTemplate;
import org.seamline.core.http.Json;
import org.seamline.store.Attachments;
import org.seamline.store.Database;
import org.seamline.store.InboxStore;
import org.seamline.store.Interaction;

/**
 * {@link Replies}: channel selection, the customer's consent and (on channels that have one) service window, then the
 * outbox row and the timeline entry in one transaction.
 */
@Component(service = Replies.class)
public class ReplyService implements Replies {

    /** The identifier kinds a channel addresses people by; channels not named here take any. */
    private static final Map<String, Set<String>> ADDRESSED_BY = Map.of(
            "email", Set.of("email"),
            "sms", Set.of("phone"),
            "voice", Set.of("phone"),
            "whatsapp", Set.of(Identifier.WHATSAPP, Identifier.PHONE, Identifier.WHATSAPP_USER_ID));

    private final Database database;
    private final EventPublisher events;
    private final InboxStore inbox;
    private final ChannelAdapters adapters;
    private final Attachments attachments;
    private final CustomerStore customers = new CustomerStore();
    private final ConversationStore conversations = new ConversationStore();
    private final OutboxStore outbox = new OutboxStore();
    private final TimelineStore timeline = new TimelineStore();
    private final ServiceWindowStore windows = new ServiceWindowStore();

    @Activate
    public ReplyService(@Reference Database database, @Reference InboxStore inbox, @Reference ChannelAdapters adapters,
                        @Reference EventPublisher events, @Reference Attachments attachments) {
        this.database = database;
        this.inbox = inbox;
        this.adapters = adapters;
        this.events = events;
        this.attachments = attachments;
    }

    @Override
    public QueuedReply reply(String conversationId, String text, List<String> attachmentIds, String channel,
                             ConsentPurpose purpose, ReplyTemplate template, String idempotencyKey)
            throws SQLException, ReplyException {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : IdempotencyKeys.checked(idempotencyKey.strip());
        String fingerprint = IdempotencyKeys.fingerprint(text, attachmentIds, channel, purpose, template);
        return events.inTransaction(database, (c, changes) -> {
            Conversation conversation = conversations.conversation(c, conversationId).orElseThrow(
                    () -> new ReplyException(ReplyException.Kind.NOT_FOUND, "no conversation with id " + conversationId));
            Optional<OutboxStore.Row> earlier = outbox.byIdempotencyKey(c, conversation.id(), key);
            if (earlier.isPresent()) {
                return repeated(earlier.get(), fingerprint);
            }
            Customer customer = customers.customer(c, conversation.customerId()).orElseThrow();
            ChannelAdapter adapter = route(conversation, channel);
            ConsentPurpose why = purpose == null ? ConsentPurpose.SERVICE : purpose;
            if (!ProfileStore.permits(customer.consents(), adapter.channel(), why)) {
                throw new ReplyException(ReplyException.Kind.NO_CONSENT, why == ConsentPurpose.SERVICE
                        ? "the customer opted out of messages on " + adapter.channel()
                        : "the customer has not opted in to " + why.name().toLowerCase(Locale.ROOT) + " on " + adapter.channel());
            }
            List<Attachment> files = files(attachmentIds);
            if (!files.isEmpty() && !adapter.capabilities().contains(Capability.ATTACHMENTS)) {
                throw new ReplyException(ReplyException.Kind.UNREACHABLE, adapter.channel() + " cannot send files");
            }
            if (template == null && adapter.capabilities().contains(Capability.SERVICE_WINDOW)
                    && !windowOpen(c, customer, adapter.channel())) {
                throw new ReplyException(ReplyException.Kind.TEMPLATE_REQUIRED, "the customer's " + adapter.channel()
                        + " service window is closed (no message from them in the last 24 hours): "
                        + "free text cannot be sent, name an approved template");
            }
            Map<String, String> metadata = new HashMap<>(threading(c, conversation, adapter.channel()));
            metadata.putAll(templateMetadata(template, customer));
            OutboundMessage message = new OutboundMessage(UUID.randomUUID().toString(), key, adapter.channel(),
                    adapter.instance(), recipient(customer, adapter.channel()), text, files, conversation.id(), metadata);
            outbox.insert(c, customer.id(), message, fingerprint);
            timeline.outbound(c, customer.id(), message);
            changes.add(ContextEvents.MESSAGE_QUEUED, ContextEvents.CUSTOMER_ID, customer.id(),
                    ContextEvents.CONVERSATION_ID, conversation.id(), ContextEvents.MESSAGE_ID, message.id(),
                    ContextEvents.CHANNEL, message.channel(), ContextEvents.INSTANCE, message.instance());
            return new QueuedReply(message.id(), conversation.id(), message.channel(), message.instance(),
                    DeliveryStatus.QUEUED, false);
        });
    }

    /** The first reply under a key, when this request is the same one again; a different request is refused. */
    private static QueuedReply repeated(OutboxStore.Row earlier, String fingerprint) throws ReplyException {
        if (earlier.requestFingerprint() != null && !earlier.requestFingerprint().equals(fingerprint)) {
            throw new ReplyException(ReplyException.Kind.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key already queued a different reply in this conversation");
        }
        OutboundMessage m = earlier.message();
        return new QueuedReply(m.id(), m.conversationId(), m.channel(), m.instance(), earlier.status(), true);
    }

    /** The uploaded files a reply names, as the message carries them. */
    private List<Attachment> files(List<String> ids) throws SQLException, ReplyException {
        List<Attachment> files = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            files.add(attachments.describe(id).orElseThrow(
                    () -> new ReplyException(ReplyException.Kind.UNKNOWN_ATTACHMENT, "no attachment with id " + id)));
        }
        return files;
    }

    /** Whether the customer's window on the channel, as the channel last reported it, is still open. */
    private boolean windowOpen(Connection c, Customer customer, String channel) throws SQLException {
        Optional<Instant> until = windows.openUntil(c, customers.members(c, customer.id()), channel);
        return until.isPresent() && until.get().isAfter(Instant.now());
    }

    /** The template a reply names and the language to pick its version by, for the channel. */
    private static Map<String, String> templateMetadata(ReplyTemplate template, Customer customer) {
        if (template == null) {
            return Map.of();
        }
        Map<String, String> metadata = new HashMap<>();
        metadata.put(MessageMetadata.TEMPLATE, template.name());
        if (!template.variables().isEmpty()) {
            metadata.put(MessageMetadata.TEMPLATE_VARIABLES, json(template.variables()));
        }
        if (customer.preferredLanguage() != null && !customer.preferredLanguage().isBlank()) {
            metadata.put(MessageMetadata.LANGUAGE, customer.preferredLanguage());
        }
        return metadata;
    }

    private static String json(Map<String, String> variables) {
        try {
            return Json.mapper().writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /**
     * What a channel needs to thread the reply under the customer's latest message on it: that message's provider
     * id, subject and references. Empty when the customer never wrote on this channel.
     */
    private Map<String, String> threading(Connection c, Conversation conversation, String channel) throws SQLException {
        List<String> members = new ArrayList<>(conversation.mergedConversations());
        members.add(0, conversation.id());
        Optional<String> latest = timeline.latestInbound(c, members, channel);
        Optional<Interaction> original = latest.isEmpty() ? Optional.empty() : inbox.find(latest.get());
        if (original.isEmpty()) {
            return Map.of();
        }
        Map<String, String> metadata = new HashMap<>();
        metadata.put(MessageMetadata.IN_REPLY_TO, original.get().message().providerMessageId());
        for (String key : List.of(MessageMetadata.SUBJECT, MessageMetadata.REFERENCES)) {
            String value = original.get().message().metadata().get(key);
            if (value != null) {
                metadata.put(key, value);
            }
        }
        return metadata;
    }

    /**
     * The channel the customer wrote on last, unless the caller asks for another; it must be deployed now and able
     * to send.
     */
    private ChannelAdapter route(Conversation conversation, String channel) throws ReplyException {
        Optional<ChannelAdapter> adapter = channel == null || channel.equals(conversation.channel())
                ? adapters.adapter(conversation.channel(), conversation.instance())
                : adapters.anyOf(channel);
        ChannelAdapter found = adapter.orElseThrow(() -> new ReplyException(ReplyException.Kind.UNREACHABLE,
                "no deployed " + (channel == null ? conversation.channel() + " instance " + conversation.instance() : channel)
                        + " channel can reach this customer"));
        if (found.capabilities().isEmpty()) {
            throw new ReplyException(ReplyException.Kind.UNREACHABLE, found.channel() + " instance " + found.instance()
                    + " only receives messages (it has nowhere to send replies to)");
        }
        return found;
    }

    /**
     * The customer as the channel's recipient. Channels that address people by a kind of identifier need one of
     * that kind: an SMS cannot reach someone known only by email.
     */
    private static Party recipient(Customer customer, String channel) throws ReplyException {
        Set<String> usable = ADDRESSED_BY.get(channel);
        List<CustomerIdentifier> kind = customer.identifiers().stream()
                .filter(i -> usable == null || usable.contains(i.type())).toList();
        List<Identifier> identifiers = kind.stream().filter(CustomerIdentifier::deliverable)
                .map(i -> new Identifier(i.type(), i.value())).toList();
        if (identifiers.isEmpty()) {
            throw new ReplyException(ReplyException.Kind.UNREACHABLE, customer.identifiers().isEmpty()
                    ? "the customer has no identifier to reach them by"
                    : !kind.isEmpty() ? "every " + channel + " address of the customer was reported undeliverable"
                    : "the customer has no " + String.join(" or ", new TreeSet<>(usable)) + " identifier for " + channel);
        }
        return new Party(customer.displayName(), identifiers);
    }
}
