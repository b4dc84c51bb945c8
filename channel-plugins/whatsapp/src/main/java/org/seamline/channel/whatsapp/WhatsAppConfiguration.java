package org.seamline.channel.whatsapp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline WhatsApp channel (Twilio)",
        description = "One WhatsApp sender through Twilio. File: etc/org.seamline.channel.whatsapp-<instance>.cfg")
@interface WhatsAppConfiguration {

    @AttributeDefinition(name = "Account SID", description = "AC followed by 32 hex digits")
    String accountSid();

    @AttributeDefinition(name = "Auth token", type = AttributeType.PASSWORD,
            description = "Checks Twilio's webhook signatures (and authenticates REST calls without an API key). "
                    + "Use $[env:NAME] or $[secret:name]")
    String authToken();

    @AttributeDefinition(name = "API key SID", required = false,
            description = "SK…: authenticates REST calls instead of the auth token; set together with the secret")
    String apiKeySid() default "";

    @AttributeDefinition(name = "API key secret", type = AttributeType.PASSWORD, required = false,
            description = "The API key's secret. Use $[env:NAME] or $[secret:name]")
    String apiKeySecret() default "";

    @AttributeDefinition(name = "Public base URL",
            description = "The URL Twilio calls Seamline at, e.g. https://hooks.example.com: signatures are checked "
                    + "against it and status callbacks point at it")
    String publicBaseUrl();

    @AttributeDefinition(name = "From",
            description = "The WhatsApp sender: whatsapp:+E164, +E164, or a messaging service SID MG…")
    String from();

    @AttributeDefinition(name = "API base URL", required = false,
            description = "Empty for Twilio; a Twilio-compatible endpoint (a local stand-in) otherwise")
    String apiBaseUrl() default "";

    @AttributeDefinition(name = "Send timeout (ms)",
            description = "Connect and read timeout of one send and of one media download; the outbox retries later")
    int sendTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Largest inbound file (bytes)",
            description = "Bigger media are left out of the message, which says so")
    int maxMediaBytes() default 16_777_216;

    @AttributeDefinition(name = "Templates", required = false,
            description = "Approved Content templates: name:language=HX…, comma-separated, "
                    + "e.g. order_update:en=HX…, order_update:ru=HX…")
    String[] templates() default {};

    @AttributeDefinition(name = "Default language",
            description = "The template language used when the customer's preferred language has none")
    String defaultLanguage() default "en";
}
