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

/**
 * An agent's announcement that they view, type in or left a conversation, checked and passed to the streams. Kept
 * apart from the HTTP layer, so the endpoint can move to the REST whiteboard unchanged.
 */
@Component(service = Presence.class)
public class Presence {

    /** Why an announcement was refused; {@link #status} is the HTTP status it maps to. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        RefusedException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private static final int MAX_ID_LENGTH = 100;

    private final LiveEvents live;
    private final Conversations conversations;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public Presence(@Reference LiveEvents live, @Reference Conversations conversations) {
        this.live = live;
        this.conversations = conversations;
    }

    /**
     * Announces {@code state} ({@code viewing}, {@code typing} or {@code left}) of the caller in a conversation (a
     * merged conversation's id names its survivor). A viewer may be seen viewing, but never typing: it cannot reply.
     */
    void announce(Principal caller, String conversationId, String state) throws RefusedException, SQLException {
        PresenceBoard.State parsed = PresenceBoard.State.of(state);
        if (parsed == null) {
            throw new RefusedException(400, "bad_request", "'state' must be one of viewing, typing, left");
        }
        if (conversationId == null || conversationId.isBlank() || conversationId.length() > MAX_ID_LENGTH) {
            throw new RefusedException(400, "bad_request", "'conversationId' must name a conversation");
        }
        if (parsed == PresenceBoard.State.TYPING && !caller.role().includes(Role.AGENT)) {
            throw new RefusedException(403, "forbidden", "the role " + caller.role().id() + " cannot reply, so cannot be typing");
        }
        Optional<Conversation> conversation = conversations.conversation(conversationId);
        if (conversation.isEmpty()) {
            throw new RefusedException(404, "not_found", "no such conversation");
        }
        LiveHub hub = live.hub();
        try {
            hub.presence().announce(conversation.get().id(), caller.username(), parsed, clock.instant()).ifPresent(hub::publish);
        } catch (PresenceBoard.TooManyConversationsException e) {
            throw new RefusedException(429, "too_many_conversations", e.getMessage());
        }
    }
}
