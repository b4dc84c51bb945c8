package org.seamline.context;

import java.time.Instant;
import java.util.List;

/**
 * A conversation with a customer across channels. {@code channel}/{@code instance} are where the customer last
 * wrote, the default route for a reply. {@code mergedConversations} joined this one when their customers merged.
 */
public record Conversation(String id, String customerId, ConversationStatus status, String channel, String instance,
                           String assignee, List<String> mergedConversations, Instant openedAt, Instant lastMessageAt,
                           Instant resolvedAt) {

    public Conversation {
        mergedConversations = List.copyOf(mergedConversations);
    }
}
