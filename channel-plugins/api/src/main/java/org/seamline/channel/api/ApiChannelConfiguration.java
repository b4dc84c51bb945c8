package org.seamline.channel.api;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline API channel",
        description = "One endpoint through which another system posts messages in and receives replies out. "
                + "File: etc/org.seamline.channel.api-<instance>.cfg")
@interface ApiChannelConfiguration {

    @AttributeDefinition(name = "Secret", type = AttributeType.PASSWORD,
            description = "HMAC-SHA256 key for X-Seamline-Signature, both ways. Use $[env:NAME] or $[secret:name]")
    String secret();

    @AttributeDefinition(name = "Callback URL", required = false,
            description = "Where replies are POSTed as signed JSON; empty means this instance only receives")
    String callbackUrl() default "";

    @AttributeDefinition(name = "Largest body (bytes)", description = "Bigger inbound requests get 413")
    int maxBodyBytes() default 262_144;

    @AttributeDefinition(name = "Callback timeout (ms)", description = "Connect and read timeout of one callback attempt; the outbox retries later")
    int callbackTimeoutMillis() default 10_000;
}
