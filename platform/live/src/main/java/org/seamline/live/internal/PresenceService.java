package org.seamline.live.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.context.Conversation;
import org.seamline.context.Conversations;
import org.seamline.core.users.Principal;
import org.seamline.core.users.Role;
import org.seamline.live.Presence;
import org.seamline.live.PresenceRefusedException;

/** {@link Presence} for the REST layer: checks an announcement and passes it to the streams. */
@Component(service = Presence.class)
public class PresenceService implements Presence {

    private static final int MAX_ID_LENGTH = 100;

    private final LiveEvents live;
    private final Conversations conversations;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public PresenceService(@Reference LiveEvents live, @Reference Conversations conversations) {
        this.live = live;
        this.conversations = conversations;
    }

    @Override
    public void announce(Principal caller, String conversationId, String state) throws PresenceRefusedException, SQLException {
        PresenceBoard.State parsed = PresenceBoard.State.of(state);
        if (parsed == null) {
            throw new PresenceRefusedException(400, "bad_request", "'state' must be one of viewing, typing, left");
        }
        if (conversationId == null || conversationId.isBlank() || conversationId.length() > MAX_ID_LENGTH) {
            throw new PresenceRefusedException(400, "bad_request", "'conversationId' must name a conversation");
        }
        if (parsed == PresenceBoard.State.TYPING && !caller.role().includes(Role.AGENT)) {
            throw new PresenceRefusedException(403, "forbidden", "the role " + caller.role().id() + " cannot reply, so cannot be typing");
        }
        Optional<Conversation> conversation = conversations.conversation(conversationId);
        if (conversation.isEmpty()) {
            throw new PresenceRefusedException(404, "not_found", "no such conversation");
        }
        LiveHub hub = live.hub();
        try {
            hub.presence().announce(conversation.get().id(), caller.username(), parsed, clock.instant()).ifPresent(hub::publish);
        } catch (PresenceBoard.TooManyConversationsException e) {
            throw new PresenceRefusedException(429, "too_many_conversations", e.getMessage());
        }
    }
}
