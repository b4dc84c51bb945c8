package org.seamline.core.users.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Browser sessions: {@code etc/org.seamline.security.cfg}. */
@ObjectClassDefinition(name = "Seamline sign-in", description = "Browser sessions of the platform's users.")
public @interface SessionConfiguration {

    String PID = "org.seamline.security";

    @AttributeDefinition(name = "Idle expiry (minutes)", description = "A session unused this long ends", min = "1")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(name = "Maximum age (hours)", description = "A session ends this long after sign-in, however busy", min = "1")
    int sessionMaxHours() default 12;

    @AttributeDefinition(name = "Public URL", description = "Where browsers reach Seamline, e.g. https://seamline.example.com "
            + "behind a TLS proxy; an https URL marks the session cookie Secure")
    String publicUrl() default "";
}
