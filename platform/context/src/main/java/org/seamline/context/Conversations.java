package org.seamline.context;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.store.Page;

/** Reads conversations and timelines; ids of merged customers or conversations answer for their survivors. */
@ProviderType
public interface Conversations {

    Optional<Conversation> conversation(String id) throws SQLException;

    /** One page, most recent first, with the total for the same filters. */
    Page<Conversation> conversations(ConversationQuery query, int offset, int limit) throws SQLException;

    /** One page, most recent first, with the total for the same filters; each filter may be null. */
    default Page<Conversation> conversations(String customerId, ConversationStatus status, String channel, int offset,
                                             int limit) throws SQLException {
        return conversations(new ConversationQuery(customerId, status, channel, null, false), offset, limit);
    }

    /**
     * Changes status, assignee or variables; {@code actor} goes on the timeline with a status or assignee change.
     * Empty when the conversation is unknown.
     */
    Optional<Conversation> change(String id, ConversationChange change, String actor) throws SQLException;

    /**
     * Adds an agent's internal note to the conversation's timeline ({@code kind = note}, never sent to the customer).
     * False when the conversation is unknown.
     */
    boolean note(String conversationId, String text, String author) throws SQLException;

    /** A conversation's entries (its merged conversations' too), oldest first. */
    Page<TimelineEntry> messages(String conversationId, int offset, int limit) throws SQLException;

    /**
     * The message, call or internal note with this id (an inbound message's interaction id, a reply's message id, the
     * id of a {@code note.added} change); empty when there is none or it was erased.
     */
    Optional<TimelineEntry> entry(String interactionId) throws SQLException;

    /** Everything recorded for a customer (and the customers merged into it), oldest first. */
    Page<TimelineEntry> timeline(String customerId, int offset, int limit) throws SQLException;

    /**
     * The events recorded for these interactions (inbox ids), each interaction's in recorded order; an interaction
     * without events is absent.
     */
    Map<String, List<InteractionEvent>> events(List<String> interactionIds) throws SQLException;

    /**
     * The channel kind a query names, as stored (lower case): one the platform ships or a deployed plugin serves.
     * Anything else is refused with an {@link IllegalArgumentException} that lists the known kinds.
     */
    String channelKind(String channel);
}
