package org.seamline.live.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline live updates",
        description = "The event stream of the agent workspace (GET /api/v1/events) and presence (POST /api/v1/presence).")
public @interface LiveConfiguration {

    String PID = "org.seamline.live";

    @AttributeDefinition(name = "Open streams at most", description = "Over all users; one more is answered 429.")
    int maxStreams() default 1000;

    @AttributeDefinition(name = "Open streams per user at most",
            description = "A user's browser tabs and devices together; one more is answered 429.")
    int maxStreamsPerUser() default 10;

    @AttributeDefinition(name = "Events kept for resuming",
            description = "A client that reconnects with Last-Event-ID gets what it missed if it is among these; otherwise a reset.")
    int bufferedEvents() default 4096;

    @AttributeDefinition(name = "Events a stalled client may fall behind",
            description = "A stream whose client stops taking bytes while this many events behind is closed; it resumes "
                    + "with Last-Event-ID. Must be below the events kept for resuming.")
    int maxLagEvents() default 1024;

    @AttributeDefinition(name = "Heartbeat (seconds)",
            description = "A comment line on every stream, and a re-check of its credentials, this often. Keep it below "
                    + "the server's idle timeout (15 s).")
    int heartbeatSeconds() default 10;

    @AttributeDefinition(name = "Viewing lasts (seconds)", description = "Without a renewal, a viewer is reported as left after this.")
    int viewingSeconds() default 30;

    @AttributeDefinition(name = "Typing lasts (seconds)", description = "Without a renewal, a typist is reported as viewing after this.")
    int typingSeconds() default 6;

    @AttributeDefinition(name = "Conversations a user may show presence in at once")
    int presencePerUser() default 20;
}
