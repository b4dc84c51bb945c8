package org.seamline.channel.voice;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline Voice channel (Twilio)",
        description = "One Twilio phone number answered by an IVR. File: etc/org.seamline.channel.voice-<instance>.cfg")
@interface VoiceChannelConfiguration {

    @AttributeDefinition(name = "Account SID", description = "AC followed by 32 hex digits")
    String accountSid();

    @AttributeDefinition(name = "Auth token", type = AttributeType.PASSWORD,
            description = "Checks every webhook's X-Twilio-Signature. Use $[env:NAME] or $[secret:name]")
    String authToken();

    @AttributeDefinition(name = "API key SID", required = false,
            description = "SK…: fetches recordings instead of the auth token; set with its secret")
    String apiKeySid() default "";

    @AttributeDefinition(name = "API key secret", type = AttributeType.PASSWORD, required = false)
    String apiKeySecret() default "";

    @AttributeDefinition(name = "Public base URL",
            description = "The URL Twilio calls, as Twilio sees it, e.g. https://hooks.example.com")
    String publicBaseUrl();

    @AttributeDefinition(name = "Number", required = false, description = "This instance's Twilio number in E.164, for logs and health")
    String from() default "";

    @AttributeDefinition(name = "API base URL", required = false,
            description = "Empty for Twilio; a Twilio-compatible endpoint (a local stand-in) otherwise")
    String apiBaseUrl() default "";

    @AttributeDefinition(name = "IVR file", required = false,
            description = "JSON file with prompts, menu and agent target, relative to etc/; empty for the built-in IVR")
    String ivrFile() default "";

    @AttributeDefinition(name = "Largest recording (bytes)", description = "Longer voicemail recordings are not kept")
    int maxRecordingBytes() default 20 * 1024 * 1024;

    @AttributeDefinition(name = "Download timeout (s)", description = "Connect and read timeout of fetching a recording")
    int downloadTimeoutSeconds() default 10;
}
