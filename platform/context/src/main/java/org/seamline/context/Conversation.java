package org.seamline.context;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A conversation with a customer across channels. {@code channel}/{@code instance} are where the customer last
 * wrote, the default route for a reply. {@code mergedConversations} joined this one when their customers merged.
 * {@code variables} are the context plugins and agents keep (last topic, collected answers); {@code threadKey} is
 * the channel's thread when conversations continue per thread.
 */
public record Conversation(String id, String customerId, ConversationStatus status, String channel, String instance,
                           String assignee, String threadKey, Map<String, String> variables,
                           List<String> mergedConversations, Instant openedAt, Instant lastMessageAt, Instant resolvedAt) {
    public Conversation {
        variables = Map.copyOf(variables);
        mergedConversations = List.copyOf(mergedConversations);
    }
}
