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
import org.seamline.context.ContextEvents;
import org.seamline.context.Conversation;
import org.seamline.context.ConversationChange;
import org.seamline.context.ConversationQuery;
import org.seamline.context.ConversationStatus;
import org.seamline.context.Conversations;
import org.seamline.context.InteractionEvent;
import org.seamline.context.TimelineEntry;
import org.seamline.store.Database;
import org.seamline.store.Page;

/** {@link Conversations} on the platform database. */
@Component(service = Conversations.class)
public class ConversationsService implements Conversations {

    private final Database database;
    private final EventPublisher events;
    private final ChannelAdapters channels;
    private final CustomerStore customers = new CustomerStore();
    private final ConversationStore conversations = new ConversationStore();
    private final TimelineStore timeline = new TimelineStore();
    private final InteractionEventStore interactionEvents = new InteractionEventStore();

    @Activate
    public ConversationsService(@Reference Database database, @Reference EventPublisher events,
                                @Reference ChannelAdapters channels) {
        this.database = database;
        this.events = events;
        this.channels = channels;
    }

    @Override
    public Optional<Conversation> change(String id, ConversationChange change, String actor) throws SQLException {
        check(change);
        return events.inTransaction(database, (c, changes) -> {
            Optional<Conversation> before = conversations.change(c, id, change);
            if (before.isEmpty()) {
                return before;
            }
            Conversation was = before.get();
            if (change.status() != null && change.status() != was.status()) {
                timeline.statusChanged(c, was.customerId(), was.id(), was.status(), change.status(), actor);
            }
            String assignee = change.assignee() == null ? null : change.assignee().strip();
            if (assignee != null && !assignee.equals(was.assignee() == null ? "" : was.assignee())) {
                timeline.event(c, was.customerId(), was.id(), "conversation:assigned",
                        (assignee.isEmpty() ? "unassigned" : "assigned to " + assignee) + " by " + actor);
            }
            Optional<Conversation> after = conversations.conversation(c, was.id());
            after.ifPresent(changed -> changes.add(ContextEvents.CONVERSATION_CHANGED, ContextEvents.CUSTOMER_ID,
                    changed.customerId(), ContextEvents.CONVERSATION_ID, changed.id(), ContextEvents.STATUS,
                    changed.status().name(), ContextEvents.ACTOR, actor));
            return after;
        });
    }

    @Override
    public boolean note(String conversationId, String text, String author) throws SQLException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs text");
        }
        ProfileRules.value("note", text, ProfileRules.MAX_VARIABLE);
        return events.inTransaction(database, (c, changes) -> {
            Optional<Conversation> conversation = conversations.conversation(c, conversationId);
            if (conversation.isPresent()) {
                // The note gets an id of its own, so a CRM connector reading the feed can log it once.
                String noteId = UUID.randomUUID().toString();
                timeline.note(c, conversation.get().customerId(), conversation.get().id(), noteId, author + ": " + text.strip());
                changes.add(ContextEvents.NOTE_ADDED, ContextEvents.CUSTOMER_ID, conversation.get().customerId(),
                        ContextEvents.CONVERSATION_ID, conversation.get().id(), ContextEvents.MESSAGE_ID, noteId,
                        ContextEvents.ACTOR, author);
            }
            return conversation.isPresent();
        });
    }

    private static void check(ConversationChange change) {
        change.variables().forEach((name, value) -> {
            ProfileRules.name("variable", name);
            ProfileRules.value("variable", value, ProfileRules.MAX_VARIABLE);
        });
        ProfileRules.value("assignee", change.assignee(), ProfileRules.MAX_ASSIGNEE);
    }

    @Override
    public Optional<Conversation> conversation(String id) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return conversations.conversation(c, id);
        }
    }

    @Override
    public Page<Conversation> conversations(ConversationQuery query, int offset, int limit) throws SQLException {
        if (query.channel() != null) {
            channelKind(query.channel());
        }
        String customerId = query.customerId();
        try (Connection c = database.dataSource().getConnection()) {
            List<String> members = null;
            if (customerId != null) {
                Optional<String> canonical = customers.canonical(c, customerId);
                if (canonical.isEmpty()) {
                    return new Page<>(List.of(), 0, offset, limit);
                }
                members = customers.members(c, canonical.get());
            }
            return conversations.conversations(c, members, query, offset, limit);
        }
    }

    @Override
    public Page<TimelineEntry> messages(String conversationId, int offset, int limit) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return entries(c, "conversation_id", conversations.canonical(c, conversationId), conversations::members, offset, limit);
        }
    }

    @Override
    public Optional<TimelineEntry> entry(String interactionId) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return timeline.entries(c, "interaction_id", List.of(interactionId), 0, 20).items().stream()
                    .filter(e -> "message".equals(e.kind()) || "call".equals(e.kind()) || "note".equals(e.kind())).findFirst();
        }
    }

    @Override
    public Page<TimelineEntry> timeline(String customerId, int offset, int limit) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return entries(c, "customer_id", customers.canonical(c, customerId), customers::members, offset, limit);
        }
    }

    /** How to find every row merged into a canonical one. */
    private interface Members {
        List<String> of(Connection c, String canonical) throws SQLException;
    }

    /** The timeline entries of a canonical row and everything merged into it; an empty page for an unknown id. */
    private Page<TimelineEntry> entries(Connection c, String column, Optional<String> canonical, Members members,
                                        int offset, int limit) throws SQLException {
        if (canonical.isEmpty()) {
            return new Page<>(List.of(), 0, offset, limit);
        }
        return timeline.entries(c, column, members.of(c, canonical.get()), offset, limit);
    }

    @Override
    public Map<String, List<InteractionEvent>> events(List<String> interactionIds) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return interactionEvents.events(c, interactionIds);
        }
    }

    @Override
    public String channelKind(String channel) {
        return channels.known("channel", channel, false);
    }
}
