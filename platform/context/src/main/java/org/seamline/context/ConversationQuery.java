package org.seamline.context;

/**
 * Which conversations a list shows; every filter may be null.
 *
 * @param assignee   only those assigned to this user
 * @param unassigned only those nobody is assigned to (an agent's "unassigned" inbox); not with {@code assignee}
 */
public record ConversationQuery(String customerId, ConversationStatus status, String channel, String assignee,
                                boolean unassigned) {

    public ConversationQuery {
        if (assignee != null && unassigned) {
            throw new IllegalArgumentException("a conversation cannot be both assigned to someone and unassigned");
        }
    }
}
