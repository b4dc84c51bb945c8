package org.seamline.live;

import java.sql.SQLException;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.core.users.Principal;

/** An agent's announcement that they view, type in or left a conversation, checked and passed to the streams. */
@ProviderType
public interface Presence {

    /**
     * Announces {@code state} ({@code viewing}, {@code typing} or {@code left}) of the caller in a conversation (a
     * merged conversation's id names its survivor). A viewer may be seen viewing, but never typing: it cannot reply.
     *
     * @throws PresenceRefusedException when the state, the conversation or the caller's role does not allow it
     */
    void announce(Principal caller, String conversationId, String state) throws PresenceRefusedException, SQLException;
}
