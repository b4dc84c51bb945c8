package org.seamline.context;

import java.util.List;

/**
 * Which conversations a list shows; every filter may be null.
 *
 * @param assignee   only those assigned to this user
 * @param unassigned only those nobody is assigned to (an agent's "unassigned" inbox); not with {@code assignee}
 * @param assigneeIn only those assigned to one of these (a team: the team's name and its members); null for any
 */
public record ConversationQuery(String customerId, ConversationStatus status, String channel, String assignee,
                                boolean unassigned, List<String> assigneeIn) {

    public ConversationQuery {
        if ((assignee != null || assigneeIn != null) && unassigned) {
            throw new IllegalArgumentException("a conversation cannot be both assigned to someone and unassigned");
        }
        assigneeIn = assigneeIn == null ? null : List.copyOf(assigneeIn);
    }

    public ConversationQuery(String customerId, ConversationStatus status, String channel, String assignee,
                             boolean unassigned) {
        this(customerId, status, channel, assignee, unassigned, null);
    }
}
