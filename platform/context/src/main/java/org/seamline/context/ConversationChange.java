package org.seamline.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A partial change of a conversation: what is null stays as it is.
 *
 * @param status    the new status; {@code RESOLVED} stamps the resolution time, any other clears it
 * @param assignee  an agent or team id; empty unassigns
 * @param variables context variables to set (where the customer left off); a null value removes one
 */
public record ConversationChange(ConversationStatus status, String assignee, Map<String, String> variables) {

    public ConversationChange {
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
